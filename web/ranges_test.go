package web

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestPagesIgnoreRanges: a rendered page is answered whole with 200 whatever
// Range asks for, and does not advertise Accept-Ranges. Before, 50 one-byte
// parts of a page came back as a multipart answer dozens of times its size.
func TestPagesIgnoreRanges(t *testing.T) {
	w := testWorld(t)
	var tiny []string
	for i := 0; i < 50; i++ {
		tiny = append(tiny, fmt.Sprintf("%d-%d", i*2, i*2))
	}
	fetch := func(path, rng string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", w.srv.URL+path, nil)
		if rng != "" {
			req.Header.Set("Range", rng)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	for _, path := range []string{"/vorlagen", "/sitzungen?monat=2026-12", "/suche?q=Radweg", fmt.Sprintf("/sitzungen/%d", w.fix.Meeting),
		"/sitzungen.ics", "/vorlagen.atom", "/sitemap.xml", "/seite-die-es-nicht-gibt"} {
		plain, whole := fetch(path, "")
		for _, rng := range []string{"bytes=0-99", "bytes=" + strings.Join(tiny, ","), "bytes=0-0,0-0,0-0"} {
			res, body := fetch(path, rng)
			if res.StatusCode != plain.StatusCode || body != whole {
				t.Errorf("%s with Range %.30s: status %d and %d bytes; want %d and the whole %d bytes",
					path, rng, res.StatusCode, len(body), plain.StatusCode, len(whole))
			}
			if h := res.Header.Get("Accept-Ranges") + res.Header.Get("Content-Range"); h != "" {
				t.Errorf("%s with Range %.30s: range headers %q", path, rng, h)
			}
		}
		if plain.Header.Get("Accept-Ranges") != "" {
			t.Errorf("%s advertises Accept-Ranges", path)
		}
	}
}
