package web

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

	"github.com/ratsinfo/ratsinfo/internal/site"
)

// syncBuffer is a log destination that the server's goroutines share with the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestClientGoneIsNoServerError: a client that hangs up while its page is being
// made is logged as "client gone" (499) at debug, never as an error or a 5xx;
// otherwise anyone could inflate the error rate by hanging up. The server is real
// and so is the store; the test holds each request until the connection is
// closed, so the store meets the cancelled context every time rather than by luck.
func TestClientGoneIsNoServerError(t *testing.T) {
	w := testWorld(t)
	var out syncBuffer
	log := slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: w.store, Feedback: w.store, Now: w.web.now, Logger: log})
	mux := http.NewServeMux()
	srv.Register(mux)
	held := http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // the client hung up
		mux.ServeHTTP(rw, r)
	})
	ts := httptest.NewServer(site.AccessLog(log, held))
	defer ts.Close()

	pages := []string{"/vorlagen?q=Radweg", "/sitzungen?monat=2026-12", "/suche?q=Haushalt", "/personen", "/gremien",
		fmt.Sprintf("/sitzungen/%d", w.fix.Meeting)}
	for _, p := range pages {
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: ratsinfo.test\r\n\r\n", p)
		conn.Close()
		path, _, _ := strings.Cut(p, "?")
		// Wait for the line of this request; not a timing assertion, a bound.
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(out.String(), "path="+path+" ") && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
	}
	logged := out.String()
	if n := strings.Count(logged, `msg="client gone"`); n != len(pages) {
		t.Errorf("%d requests logged as client gone, want %d:\n%s", n, len(pages), logged)
	}
	for _, bad := range []string{"level=ERROR", "level=WARN", "status=500", "page failed"} {
		if strings.Contains(logged, bad) {
			t.Errorf("a client that hung up was logged with %q:\n%s", bad, logged)
		}
	}
	if !strings.Contains(logged, "status=499") {
		t.Errorf("no status 499 in the log:\n%s", logged)
	}
}
