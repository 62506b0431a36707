package web

import (
	"math"
	"net"
	"net/netip"
	"sync"
	"time"
)

// FeedbackLimit bounds how many messages the forms store: a token bucket per
// client address and a cap for all clients together. One client once stored
// 17,126 messages in 15 seconds; the office reads each one. Zero fields take
// the defaults.
type FeedbackLimit struct {
	// Burst is how many messages one client may send at once; 0 means 3.
	Burst int
	// PerMinute is how many messages one client may send per minute after the
	// burst; 0 means 5.
	PerMinute float64
	// PerHour is how many messages all clients together may send in any hour;
	// 0 means 500.
	PerHour int
	// MaxClients caps the clients remembered at once, so a crowd of addresses
	// cannot grow the memory without bound; 0 means 100,000. Beyond it, new
	// clients wait until old buckets expire.
	MaxClients int
}

// withDefaults fills the zero fields.
func (l FeedbackLimit) withDefaults() FeedbackLimit {
	if l.Burst <= 0 {
		l.Burst = 3
	}
	if l.PerMinute <= 0 {
		l.PerMinute = 5
	}
	if l.PerHour <= 0 {
		l.PerHour = 500
	}
	if l.MaxClients <= 0 {
		l.MaxClients = 100_000
	}
	return l
}

// feedbackLimiter keeps the buckets. A bucket that has filled up again says
// nothing a fresh one would not, so it is dropped: memory holds only the
// clients of the last few minutes.
type feedbackLimiter struct {
	cfg  FeedbackLimit
	rate float64 // tokens per second per client
	// full is how long an empty bucket takes to fill up, and so how often the
	// map is swept.
	full time.Duration

	mu        sync.Mutex
	clients   map[string]*bucket
	lastSweep time.Time
	// recent holds the times of the messages accepted in the last hour, oldest
	// first, at most PerHour of them: the global cap is exact, not an average.
	recent []time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// limitScope says which limit refused a message.
type limitScope int

const (
	limitNone limitScope = iota
	limitClient
	limitGlobal
)

func newFeedbackLimiter(cfg FeedbackLimit) *feedbackLimiter {
	cfg = cfg.withDefaults()
	rate := cfg.PerMinute / 60
	return &feedbackLimiter{
		cfg:     cfg,
		rate:    rate,
		full:    time.Duration(float64(cfg.Burst) / rate * float64(time.Second)),
		clients: map[string]*bucket{},
	}
}

// allow takes a token for client at now, or says which limit refused and how
// long until a message would be taken.
func (l *feedbackLimiter) allow(client string, now time.Time) (limitScope, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	b := l.clients[client]
	if b == nil {
		if len(l.clients) >= l.cfg.MaxClients {
			return limitGlobal, l.full
		}
		b = &bucket{tokens: float64(l.cfg.Burst), at: now}
		l.clients[client] = b
	}
	b.refill(now, l.rate, l.cfg.Burst)
	if b.tokens < 1 {
		return limitClient, seconds((1 - b.tokens) / l.rate)
	}
	hourAgo := now.Add(-time.Hour)
	for len(l.recent) > 0 && !l.recent[0].After(hourAgo) {
		l.recent = l.recent[1:]
	}
	if len(l.recent) >= l.cfg.PerHour {
		return limitGlobal, l.recent[0].Add(time.Hour).Sub(now)
	}
	b.tokens--
	l.recent = append(l.recent, now)
	return limitNone, 0
}

// sweep drops the buckets that are full again, at most once per filling time.
func (l *feedbackLimiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < l.full {
		return
	}
	l.lastSweep = now
	for k, b := range l.clients {
		b.refill(now, l.rate, l.cfg.Burst)
		if b.tokens >= float64(l.cfg.Burst) {
			delete(l.clients, k)
		}
	}
}

// size is the number of clients remembered, for the memory test.
func (l *feedbackLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.clients)
}

func (b *bucket) refill(now time.Time, rate float64, burst int) {
	if d := now.Sub(b.at); d > 0 {
		b.tokens = math.Min(float64(burst), b.tokens+d.Seconds()*rate)
	}
	b.at = now
}

// seconds turns a wait in seconds into a duration, rounded up to the second
// that Retry-After can name.
func seconds(s float64) time.Duration { return time.Duration(math.Ceil(s)) * time.Second }

// clientKey names the client of a request by its address: IPv4 as it is, IPv6
// by its /64, since one connection usually holds a whole /64 and a flood could
// otherwise take a fresh address per message. Only the connection's own address
// counts: a header such as X-Forwarded-For is whatever the client writes.
func clientKey(remoteAddr string) string {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	addr = addr.Unmap().WithZone("")
	if addr.Is6() {
		p, _ := addr.Prefix(64)
		return p.String()
	}
	return addr.String()
}
