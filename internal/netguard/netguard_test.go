package netguard

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestInternal(t *testing.T) {
	for _, s := range []string{"127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.169.254",
		"0.0.0.0", "::1", "::", "fe80::1", "fc00::1", "224.0.0.1", "ff02::1", "::ffff:127.0.0.1", "100.64.0.1"} {
		if !Internal(netip.MustParseAddr(s)) {
			t.Errorf("%s gilt nicht als intern", s)
		}
	}
	for _, s := range []string{"8.8.8.8", "2a00:1450:4001::1", "193.99.144.80"} {
		if Internal(netip.MustParseAddr(s)) {
			t.Errorf("%s gilt als intern", s)
		}
	}
}

// TestClient: the allowed origin is reached, a second loopback origin is
// refused directly and as a redirect target, and a refused open port reads the
// same as a refused closed one (no port scanner).
func TestClient(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "geheim") }))
	defer other.Close()
	allowed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/weiter":
			http.Redirect(w, r, other.URL+"/", http.StatusFound)
		case "/selbst":
			http.Redirect(w, r, "/", http.StatusFound)
		default:
			io.WriteString(w, "ok")
		}
	}))
	defer allowed.Close()
	g, err := New(allowed.URL + "/oparl/system")
	if err != nil {
		t.Fatal(err)
	}
	c := g.Client(5*time.Second, 2)
	for _, p := range []string{"/", "/selbst"} {
		res, err := c.Get(allowed.URL + p)
		if err != nil {
			t.Fatalf("erlaubter Ursprung %s: %v", p, err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if string(b) != "ok" {
			t.Errorf("%s: %q", p, b)
		}
	}
	closed := closedPort(t)
	var msgs []string
	for _, u := range []string{other.URL + "/", allowed.URL + "/weiter", closed, "http://169.254.169.254/latest/meta-data/",
		"http://[::1]:1/", "http://0.0.0.0:" + strings.TrimPrefix(other.URL, "http://127.0.0.1:") + "/"} {
		res, err := c.Get(u)
		if err == nil {
			res.Body.Close()
			t.Errorf("%s nicht abgewiesen", u)
			continue
		}
		if !errors.Is(err, ErrForbidden) {
			t.Errorf("%s: %v, erwartet %v", u, err, ErrForbidden)
		}
		msgs = append(msgs, strings.ReplaceAll(err.Error(), u, "URL"))
	}
	// Open port (other) and closed port give the same text apart from the URL and address.
	if !strings.HasSuffix(msgs[0], ErrForbidden.Error()) || !strings.HasSuffix(msgs[2], ErrForbidden.Error()) {
		t.Errorf("Fehlertexte unterscheiden offen und geschlossen: %q / %q", msgs[0], msgs[2])
	}
}

func TestPublicHost(t *testing.T) {
	for u, want := range map[string]bool{
		"https://ris.example.de/datei.pdf": true, "http://127.0.0.1:8080/x": false, "http://localhost/x": false,
		"http://169.254.169.254/": false, "http://[::1]/": false, "ftp://example.org/": false, "http://10.0.0.1/": false,
	} {
		if PublicHost(u) != want {
			t.Errorf("PublicHost(%s) = %v", u, !want)
		}
	}
}

// closedPort returns a loopback URL on which nothing listens.
func closedPort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/"
}
