package site

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestRenderLimit fills every render slot of a site with pages that wait, asks
// for one more page and expects the 503 page with Retry-After at once instead of
// a queue that grows with the crowd; when the slots are free, the page comes.
// It also checks that a page gives its slot back as soon as it is rendered, so
// that writing it to a slow client holds no slot.
func TestRenderLimit(t *testing.T) {
	s := office(nil)
	s.renders = NewLimiter(2, 100*time.Millisecond)
	entered, proceed := make(chan struct{}), make(chan struct{})
	afterRender := make(chan struct{})
	page := func(w http.ResponseWriter, r *http.Request) error {
		return s.Render(w, r, http.StatusOK, "inquiry_show", &inquiryPage{Page: s.NewPage(r, "Anfrage 1", "anfragen"), Subject: "Radweg"})
	}
	mux := http.NewServeMux()
	mux.Handle("GET /warte", s.Handle(func(w http.ResponseWriter, r *http.Request) error {
		entered <- struct{}{}
		<-proceed
		return page(w, r)
	}))
	mux.Handle("GET /danach", s.Handle(func(w http.ResponseWriter, r *http.Request) error {
		err := page(w, r)
		entered <- struct{}{}
		<-afterRender // still in the handler, with the page rendered
		return err
	}))
	mux.Handle("GET /sofort", s.Handle(page))
	ts := httptest.NewServer(mux)
	defer ts.Close()
	// One connection per request: a handler still running after its page was
	// sent must not hold up the next request on a reused connection.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	get := func(path string) (int, http.Header, string) {
		res, err := client.Get(ts.URL + path)
		if err != nil {
			t.Error(err)
			return 0, nil, ""
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header, string(b)
	}

	done := make(chan int, 2)
	for range 2 {
		go func() { code, _, _ := get("/warte"); done <- code }()
		<-entered
	}
	code, h, body := get("/sofort")
	if code != http.StatusServiceUnavailable || h.Get("Retry-After") != "30" {
		t.Errorf("third render with two slots taken: %d Retry-After %q, want 503 with Retry-After 30", code, h.Get("Retry-After"))
	}
	if !strings.Contains(body, "Der Server ist gerade ausgelastet. Bitte versuchen Sie es in einem Moment erneut.") ||
		!strings.Contains(h.Get("Content-Type"), "text/html") {
		t.Errorf("busy page does not say so in German:\n%s", body)
	}
	close(proceed)
	for range 2 {
		if code := <-done; code != http.StatusOK {
			t.Errorf("waiting page: %d", code)
		}
	}
	if code, _, _ := get("/sofort"); code != http.StatusOK {
		t.Errorf("with free slots: %d", code)
	}

	// Two handlers past their Render hold no slot: a third page still comes.
	for range 2 {
		go func() { code, _, _ := get("/danach"); done <- code }()
		<-entered
	}
	if code, _, body := get("/sofort"); code != http.StatusOK {
		t.Errorf("slots held past Render: %d\n%.300s", code, body)
	}
	close(afterRender)
	for range 2 {
		<-done
	}
}
