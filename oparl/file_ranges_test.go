package oparl

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestFileRangesLimited: downloads keep ranges for a reader that resumes or
// fetches a few parts, but a request for many parts or overlapping ones gets the
// file whole (200), so the answer can never be larger than the file plus its
// headers. Before the limit, 50 one-byte parts of a 51-byte file came back as a
// multipart answer many times the file's size.
func TestFileRangesLimited(t *testing.T) {
	w := newWorld(t)
	u := fmt.Sprintf("%s/file/%d/access", w.api, w.mainFile.ID)
	content := "%PDF-1.4 Radweg am Stadtpark, öffentliche Vorlage"

	var tiny []string
	for i := 0; i < 50; i++ {
		tiny = append(tiny, fmt.Sprintf("%d-%d", i, i))
	}
	for _, c := range []struct {
		rng    string
		status int
		whole  bool
	}{
		{"bytes=0-3", http.StatusPartialContent, false},
		{"bytes=-4", http.StatusPartialContent, false},
		{"bytes=0-3,10-13", http.StatusPartialContent, false},
		{"bytes=0-0,2-2,4-4,6-6", http.StatusPartialContent, false},
		{"bytes=0-0,2-2,4-4,6-6,8-8", http.StatusOK, true},
		{"bytes=" + strings.Join(tiny, ","), http.StatusOK, true},
		{"bytes=0-9,5-14", http.StatusOK, true},
		{"bytes=0-,-10", http.StatusOK, true},
		{"bytes=100-200", http.StatusRequestedRangeNotSatisfiable, false},
	} {
		resp, body := get(t, u, "Range", c.rng)
		if resp.StatusCode != c.status {
			t.Errorf("Range %.40s: status %d, want %d", c.rng, resp.StatusCode, c.status)
			continue
		}
		if c.whole && string(body) != content {
			t.Errorf("Range %.40s: body of %d bytes, want the whole file", c.rng, len(body))
		}
		if len(body) > 4*len(content)+1024 {
			t.Errorf("Range %.40s: %d bytes for a file of %d", c.rng, len(body), len(content))
		}
	}
	resp, body := get(t, u, "Range", "bytes=0-3,10-13")
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "multipart/byteranges") || !strings.Contains(string(body), "%PDF") {
		t.Errorf("two parts: %s %q", resp.Header.Get("Content-Type"), body)
	}
}
