package web

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOwnLegalTexts checks that a body's own imprint replaces the generated one,
// paragraph by paragraph and escaped, and that a missing file falls back.
func TestOwnLegalTexts(t *testing.T) {
	w := testWorld(t)
	dir := t.TempDir()
	bodyDir := filepath.Join(dir, strconv.FormatInt(w.city.BodyID, 10))
	if err := os.MkdirAll(bodyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	text := "Stadt Norderstedt\r\nRathausallee 50\r\n22846 Norderstedt\r\n\r\n\r\nVertreten durch die Oberbürgermeisterin <script>x</script>\n"
	if err := os.WriteFile(filepath.Join(bodyDir, "impressum.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: w.store, Feedback: w.store, Now: w.web.now, TextDir: dir})
	mux := http.NewServeMux()
	srv.Register(mux)
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code, rec.Body.String()
	}
	code, body := get("/impressum")
	for _, want := range []string{"<p>Stadt Norderstedt\nRathausallee 50\n22846 Norderstedt</p>", "<p>Vertreten durch die Oberbürgermeisterin &lt;script&gt;"} {
		if !strings.Contains(body, want) {
			t.Errorf("own imprint misses %q", want)
		}
	}
	if code != 200 || strings.Contains(body, "Dieses Ratsinformationssystem wird betrieben von") || strings.Contains(body, "<script>") {
		t.Errorf("own imprint: %d, generated text or raw HTML shown", code)
	}
	if code, body := get("/datenschutz"); code != 200 || !strings.Contains(body, "Datenschutz-Grundverordnung") {
		t.Errorf("privacy without own text: %d, generated text missing", code)
	}
}
