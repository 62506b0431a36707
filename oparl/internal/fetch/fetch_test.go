package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	if d, ok := RetryAfter("7"); !ok || d != 7*time.Second {
		t.Errorf("seconds: %v %v", d, ok)
	}
	future := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	if d, ok := RetryAfter(future); !ok || d < 80*time.Second || d > 91*time.Second {
		t.Errorf("date: %v %v", d, ok)
	}
	for _, bad := range []string{"", "-3", "bald"} {
		if _, ok := RetryAfter(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestLooksHTML(t *testing.T) {
	cases := []struct {
		ct, body string
		want     bool
	}{
		{"text/html", "<!DOCTYPE html><p>Fehler</p>", true},
		{"application/json", "  <html><body>", true},
		{"text/html", `{"error":"Die angeforderte Ressource wurde nicht gefunden.","code":802}`, false},
		{"application/json", `{"data":[]}`, false},
		{"text/html", "Service Unavailable", true},
	}
	for _, c := range cases {
		if got := LooksHTML(c.ct, []byte(c.body)); got != c.want {
			t.Errorf("LooksHTML(%q, %q) = %v", c.ct, c.body, got)
		}
	}
}

func TestGetBoundsTheBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != "test/1" || !strings.Contains(r.Header.Get("Accept"), "json") {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.Write([]byte(strings.Repeat("x", 1000)))
	}))
	defer srv.Close()
	resp, err := Get(context.Background(), srv.Client(), srv.URL+"/system", "test/1", 100)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 || len(resp.Body) != 100 || resp.FinalURL != srv.URL+"/system" {
		t.Fatalf("status %d, %d bytes, final %s", resp.Status, len(resp.Body), resp.FinalURL)
	}
}
