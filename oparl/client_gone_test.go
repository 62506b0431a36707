package oparl

import (
	"bytes"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a log destination shared by the server's goroutines and the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}
func (l *lockedBuffer) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// TestClientGoneIsNoServerError: a client that hangs up while its list is read
// is not logged as a failed request. Each request is held until its connection
// is closed, so the real store meets the cancelled context every time.
func TestClientGoneIsNoServerError(t *testing.T) {
	w := newWorld(t)
	var out lockedBuffer
	log := slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug}))
	mux := http.NewServeMux()
	var handler http.Handler
	ts := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // the client hung up
		handler.ServeHTTP(rw, r)
	}))
	defer ts.Close()
	s := NewServer(Config{BaseURL: ts.URL, Store: w.store, Blobs: w.blobs, Logger: log})
	s.Register(mux)
	handler = s.CleanPaths(mux)

	lists := []string{"/body/1/paper", "/body/1/meeting", "/body/1/person", "/body/1/file", "/paper/1"}
	for _, p := range lists {
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s%s HTTP/1.1\r\nHost: ratsinfo.test\r\n\r\n", apiPathBase, p)
		conn.Close()
		deadline := time.Now().Add(10 * time.Second) // a bound for the wait, not a timing assertion
		for !strings.Contains(out.String(), "path="+apiPathBase+p+" ") && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
	}
	logged := out.String()
	if n := strings.Count(logged, "client gone"); n != len(lists) {
		t.Errorf("%d requests logged as client gone, want %d:\n%s", n, len(lists), logged)
	}
	if strings.Contains(logged, "level=ERROR") || strings.Contains(logged, "level=WARN") {
		t.Errorf("a client that hung up was logged as a failure:\n%s", logged)
	}
}
