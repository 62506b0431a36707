package main

import (
	"net"
	"sync"
)

// limitListener accepts at most n connections at once: further clients wait in
// the kernel's backlog until one closes. Each open connection costs buffers and
// a goroutine, and a crowd that does not read would otherwise make them without
// bound. (golang.org/x/net/netutil has the same; these lines spare a dependency.)
type limitListener struct {
	net.Listener
	slots chan struct{}
}

func limitListen(l net.Listener, n int) net.Listener {
	return &limitListener{Listener: l, slots: make(chan struct{}, n)}
}

// Accept waits for a free slot, then for a connection. A failed Accept gives the
// slot back; http.Server retries temporary errors and stops on a closed listener.
func (l *limitListener) Accept() (net.Conn, error) {
	l.slots <- struct{}{}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitConn{Conn: c, release: func() { <-l.slots }}, nil
}

// limitConn gives its slot back on the first Close.
type limitConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
