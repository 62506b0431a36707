package oparl

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo/internal/site"
)

// TestRenderLimitAnswers503 takes the only render slot of an API server, as a
// crowd of slow list pages would, and asks for answers: JSON ones get 503 with
// Retry-After and a German Error object at once, a file's content still streams
// (it never holds a slot), and with the slot free everything answers 200.
func TestRenderLimitAnswers503(t *testing.T) {
	w := newWorld(t)
	lim := site.NewLimiter(1, 50*time.Millisecond)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		s := NewServer(Config{BaseURL: srv.URL, Store: w.store, Blobs: w.blobs, Renders: lim,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		s.ServeHTTP(rw, r)
	}))
	defer srv.Close()
	api := srv.URL + apiPathBase

	_, release, ok := lim.Acquire(httptest.NewRequest(http.MethodGet, "/", nil))
	if !ok {
		t.Fatal("no slot for the test")
	}
	for _, p := range []string{"/system", fmt.Sprintf("/body/%d/paper", w.body.ID), fmt.Sprintf("/paper/%d", w.paper.ID)} {
		resp, body := get(t, api+p)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "30" {
			t.Errorf("GET %s with no free slot: %d Retry-After %q, want 503 with Retry-After 30", p, resp.StatusCode, resp.Header.Get("Retry-After"))
		}
		if !strings.Contains(string(body), `"type":"`+typeError+`"`) || !strings.Contains(string(body), "Der Server ist gerade ausgelastet") {
			t.Errorf("GET %s with no free slot: %s", p, body)
		}
	}
	file := fmt.Sprintf("%s/file/%d/download", api, w.auxFile.ID)
	if resp, body := get(t, file); resp.StatusCode != http.StatusOK || !strings.HasPrefix(string(body), "%PDF") {
		t.Errorf("file content with no free slot: %d %.40q", resp.StatusCode, body)
	}
	release()
	getJSON(t, api+"/system", http.StatusOK)
	getJSON(t, fmt.Sprintf("%s/body/%d/paper", api, w.body.ID), http.StatusOK)
}
