package web

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// movingClock is a clock the test moves forward.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *movingClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// formSite serves the website on an empty store at dsn ("" = SQLite) with the
// given limit: the forms need no council record.
func formSite(t *testing.T, dsn string, limit FeedbackLimit, clock *movingClock) (*httptest.Server, *sqldb.DB) {
	t.Helper()
	if dsn == "" {
		dsn = filepath.Join(t.TempDir(), "ratsinfo.db")
	}
	db, err := sqldb.Open(context.Background(), dsn, sqldb.Options{Migrate: true, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	mux := http.NewServeMux()
	NewServer(Config{BaseURL: "http://ratsinfo.test", Store: db, Feedback: db, Now: clock.now, FeedbackLimit: limit}).Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, db
}

// clientFrom posts from the loopback address ip (any of 127.0.0.0/8 works on
// Linux), so that one test can be several clients.
func clientFrom(ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
}

type formAnswer struct {
	status     int
	retryAfter string
	body       string
}

func postFrom(t *testing.T, c *http.Client, u, text string) formAnswer {
	t.Helper()
	res, err := c.PostForm(u, url.Values{"text": {text}, "name": {"Erika Flut"}})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return formAnswer{res.StatusCode, res.Header.Get("Retry-After"), string(b)}
}

func storedFeedback(t *testing.T, db *sqldb.DB, marker string) int {
	t.Helper()
	all, err := db.FindFeedback(ratsinfo.SystemContext(t.Context()), ratsinfo.FeedbackFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range all {
		if strings.Contains(f.Text, marker) {
			n++
		}
	}
	return n
}

// TestFeedbackRateLimit: with the default limits one client stores 3 messages at
// once, then one every 12 seconds; the fourth gets 429 with Retry-After, the form
// with its text and a German explanation, and is not stored. A global cap stops
// many clients together. On SQLite and on PostgreSQL.
func TestFeedbackRateLimit(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { checkFeedbackRateLimit(t, "") })
	t.Run("postgres", func(t *testing.T) { checkFeedbackRateLimit(t, pgtest.DSN(t)) })
}

func checkFeedbackRateLimit(t *testing.T, dsn string) {
	clock := &movingClock{t: testNow}
	srv, db := formSite(t, dsn, FeedbackLimit{}, clock)
	u := srv.URL + "/barrierefreiheit"
	one := clientFrom("127.0.0.1")
	for i := 1; i <= 3; i++ {
		if a := postFrom(t, one, u, fmt.Sprintf("Flutmeldung %d", i)); a.status != http.StatusOK {
			t.Fatalf("message %d: status %d", i, a.status)
		}
	}
	a := postFrom(t, one, u, "Flutmeldung 4 mit <Sonderzeichen> & Text")
	if a.status != http.StatusTooManyRequests || a.retryAfter != "12" {
		t.Errorf("fourth message: status %d, Retry-After %q; want 429, 12", a.status, a.retryAfter)
	}
	for _, want := range []string{"Flutmeldung 4 mit &lt;Sonderzeichen&gt; &amp; Text", `value="Erika Flut"`,
		"Von Ihrem Anschluss kamen in kurzer Zeit mehrere Nachrichten", "Bitte senden Sie sie in 1 Minute(n) erneut."} {
		if !strings.Contains(a.body, want) {
			t.Errorf("the refused form lacks %q", want)
		}
	}
	// Another address is another client; a sibling in the same IPv4 range too.
	if a := postFrom(t, clientFrom("127.0.0.2"), u, "Flutmeldung anderer Anschluss"); a.status != http.StatusOK {
		t.Errorf("another client: status %d", a.status)
	}
	clock.add(12 * time.Second)
	if a := postFrom(t, one, u, "Flutmeldung 5 nach der Pause"); a.status != http.StatusOK {
		t.Errorf("after Retry-After: status %d", a.status)
	}
	if a := postFrom(t, one, u, "Flutmeldung 6"); a.status != http.StatusTooManyRequests {
		t.Errorf("right after: status %d, want 429", a.status)
	}
	if n := storedFeedback(t, db, "Flutmeldung"); n != 5 {
		t.Errorf("stored %d messages, want 5 (3 at once, another client's, 1 after the pause)", n)
	}

	// The global cap: 4 an hour from all clients, each client under its own limit.
	srv2, db2 := formSite(t, dsn, FeedbackLimit{PerHour: 4}, clock)
	u2 := srv2.URL + "/barrierefreiheit"
	for i := 0; i < 4; i++ {
		if a := postFrom(t, clientFrom(fmt.Sprintf("127.0.1.%d", i+1)), u2, "Massenmeldung"); a.status != http.StatusOK {
			t.Fatalf("client %d: status %d", i, a.status)
		}
	}
	clock.add(10 * time.Minute)
	a = postFrom(t, clientFrom("127.0.1.9"), u2, "Massenmeldung zu viel")
	if a.status != http.StatusTooManyRequests || a.retryAfter != "3000" ||
		!strings.Contains(a.body, "Gerade kommen über die Formulare sehr viele Nachrichten an") ||
		!strings.Contains(a.body, "Bitte senden Sie sie in 50 Minute(n) erneut") {
		t.Errorf("over the global cap: status %d, Retry-After %q", a.status, a.retryAfter)
	}
	clock.add(50 * time.Minute)
	if a := postFrom(t, clientFrom("127.0.1.9"), u2, "Massenmeldung nach einer Stunde"); a.status != http.StatusOK {
		t.Errorf("an hour later: status %d", a.status)
	}
	if n := storedFeedback(t, db2, "Massenmeldung"); n != 5 {
		t.Errorf("stored %d, want 5", n)
	}
}

// TestFeedbackLimiterMemoryBounded: buckets that have filled up again are
// dropped, and no more than MaxClients are kept however many addresses post.
func TestFeedbackLimiterMemoryBounded(t *testing.T) {
	l := newFeedbackLimiter(FeedbackLimit{MaxClients: 1000, PerHour: 1 << 20})
	now := testNow
	for i := 0; i < 5000; i++ {
		l.allow(fmt.Sprintf("10.0.%d.%d", i/256, i%256), now)
	}
	if n := l.size(); n != 1000 {
		t.Errorf("%d clients kept, want the cap 1000", n)
	}
	if scope, _ := l.allow("10.99.0.1", now); scope != limitGlobal {
		t.Errorf("a new client over the cap: scope %d, want refused", scope)
	}
	// 3 tokens at 5 a minute fill up in 36 s; then the buckets say nothing.
	now = now.Add(36 * time.Second)
	if scope, _ := l.allow("10.99.0.1", now); scope != limitNone {
		t.Errorf("after the buckets expired: scope %d", scope)
	}
	if n := l.size(); n != 1 {
		t.Errorf("%d clients kept after expiry, want 1", n)
	}
}

// TestClientKey: IPv6 clients are grouped by their /64, IPv4 by their address.
func TestClientKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"[2001:db8:1:2::1]:4000", "[2001:db8:1:2:ffff::9]:5000"},
		{"[::ffff:192.0.2.7]:80", "192.0.2.7:81"},
		{"[fe80::1%eth0]:1", "[fe80::2]:2"},
	} {
		if clientKey(c.a) != clientKey(c.b) {
			t.Errorf("%s and %s are different clients: %q, %q", c.a, c.b, clientKey(c.a), clientKey(c.b))
		}
	}
	for _, c := range []struct{ a, b string }{
		{"[2001:db8:1:2::1]:4000", "[2001:db8:1:3::1]:4000"},
		{"192.0.2.7:80", "192.0.2.8:80"},
	} {
		if clientKey(c.a) == clientKey(c.b) {
			t.Errorf("%s and %s are one client %q", c.a, c.b, clientKey(c.a))
		}
	}
}
