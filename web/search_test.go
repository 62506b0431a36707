package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/ratsinfo/ratsinfo/search"
)

// searchSite is the test world's website with a full-text index over it.
type searchSite struct {
	srv *httptest.Server
	idx *search.Index
}

var (
	searchOnce sync.Once
	theSearch  *searchSite
	searchErr  error
)

func testSearch(t *testing.T) (*world, *searchSite) {
	t.Helper()
	w := testWorld(t)
	searchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ratsinfo-search-test-")
		if err != nil {
			searchErr = err
			return
		}
		idx, err := search.Open(filepath.Join(dir, "suche"), w.store, search.Options{Inquiries: w.store})
		if err != nil {
			searchErr = err
			return
		}
		if searchErr = idx.Rebuild(context.Background(), nil); searchErr != nil {
			return
		}
		srv := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: w.store, Inquiries: w.store, Search: idx, Now: w.web.now,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		mux := http.NewServeMux()
		srv.Register(mux)
		theSearch = &searchSite{srv: httptest.NewServer(mux), idx: idx}
	})
	if searchErr != nil {
		t.Fatalf("search site: %v", searchErr)
	}
	return w, theSearch
}

func getBody(t *testing.T, u string) (int, string) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

func apiSearch(t *testing.T, base, query string) searchJSON {
	t.Helper()
	code, body := getBody(t, base+"/api/search?"+query)
	if code != http.StatusOK {
		t.Fatalf("/api/search?%s: %d %s", query, code, body)
	}
	var out searchJSON
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("/api/search?%s: %v", query, err)
	}
	return out
}

// The search page answers from the index: words of the seed answer, marked
// snippets, filters with counts, questions with their deep links.
func TestSearchPage(t *testing.T) {
	w, s := testSearch(t)
	code, body := getBody(t, s.srv.URL+"/suche?q=Reisekosten")
	if code != http.StatusOK || !strings.Contains(body, `href="/vorlagen/`) || !strings.Contains(body, "<mark>") {
		t.Fatalf("/suche?q=Reisekosten: %d, no marked paper hit:\n%.2000s", code, body)
	}
	if !strings.Contains(body, "/vorlagen/"+strconv.FormatInt(w.city.AnswerPaperID, 10)) {
		t.Errorf("Reisekosten does not find the seed answer %d", w.city.AnswerPaperID)
	}
	code, body = getBody(t, s.srv.URL+"/suche?q="+url.QueryEscape("Fahrradbügel"))
	if code != http.StatusOK || !strings.Contains(body, "#frage-1") || !strings.Contains(body, "typ=question") {
		t.Fatalf("/suche?q=Fahrradbügel: %d, no question with deep link or kind filter:\n%.3000s", code, body)
	}
	code, body = getBody(t, s.srv.URL+"/suche?q=Digitalisirung")
	if code != http.StatusOK || !strings.Contains(body, "Meinten Sie") {
		t.Errorf("misspelled query: %d, no suggestion:\n%.2000s", code, body)
	}
	for _, q := range []string{`"unclosed`, strings.Repeat("x", 3000), "der die das", "%%%", "-nur"} {
		if code, body := getBody(t, s.srv.URL+"/suche?q="+url.QueryEscape(q)); code != http.StatusOK {
			t.Errorf("/suche?q=%.20q: %d %.300s", q, code, body)
		}
	}
}

// The JSON answer has the documented shape; bad parameters are German 400s.
func TestSearchAPI(t *testing.T) {
	_, s := testSearch(t)
	out := apiSearch(t, s.srv.URL, "q=Smart+City&type=paper&limit=5")
	if out.Total == 0 || len(out.Hits) == 0 || len(out.Hits) > 5 {
		t.Fatalf("Smart City: total %d, %d hits", out.Total, len(out.Hits))
	}
	for _, h := range out.Hits {
		if h.Type != "paper" || !strings.HasPrefix(h.ID, "http://ratsinfo.test/oparl/v1.1/paper/") || !strings.HasPrefix(h.Web, "http://ratsinfo.test/vorlagen/") || h.Name == "" {
			t.Errorf("hit %+v", h)
		}
	}
	if out.Facets["type"]["paper"] != out.Total {
		t.Errorf("facet type.paper %d, total %d", out.Facets["type"]["paper"], out.Total)
	}
	for q, want := range map[string]string{
		"":                  "Suchbegriff",
		"q=a&type=blob":     "type",
		"q=a&limit=0":       "limit",
		"q=a&limit=x":       "limit",
		"q=a&offset=100000": "offset",
		"q=a&sort=wild":     "sort",
		"q=a&year=20x":      "year",
	} {
		code, body := getBody(t, s.srv.URL+"/api/search?"+q)
		if code != http.StatusBadRequest || !strings.Contains(body, want) {
			t.Errorf("/api/search?%s: %d %s", q, code, body)
		}
	}
}

// No word of the leak test's non-public objects is found, counted or
// suggested, neither on the page nor in the API.
func TestSearchLeaks(t *testing.T) {
	w, s := testSearch(t)
	secrets := append([]string{"GEHEIMANTWORT", "Personalangelegenheit"}, w.secrets...)
	for _, secret := range secrets {
		out := apiSearch(t, s.srv.URL, "q="+url.QueryEscape(secret)+"&limit=100")
		for _, h := range out.Hits {
			if strings.Contains(h.Name+h.Snippet, secret) {
				t.Errorf("%q: hit %q shows it: %q", secret, h.Name, h.Snippet)
			}
		}
		// A suggestion repeats the words typed; a word it adds must be public.
		typed := strings.ToLower(secret)
		for _, word := range strings.Fields(strings.ToLower(out.Suggestion)) {
			if !strings.Contains(typed, word) && strings.Contains(word, "geheim") {
				t.Errorf("%q: suggestion %q", secret, out.Suggestion)
			}
		}
		if strings.Contains(strings.ToUpper(secret), "GEHEIM") && out.Total != 0 {
			var names []string
			for _, h := range out.Hits {
				names = append(names, h.Name)
			}
			t.Errorf("%q: %d hits %v", secret, out.Total, names)
		}
	}
}

// While the index is not built, /suche says so and searches titles; the API
// answers 503.
func TestSearchNotReady(t *testing.T) {
	w := testWorld(t)
	dir := t.TempDir()
	idx, err := search.Open(filepath.Join(dir, "suche"), w.store, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	srv := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: w.store, Search: idx, Now: w.web.now,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	mux := http.NewServeMux()
	srv.Register(mux)
	ts := httptest.NewServer(mux)
	defer ts.Close()
	code, body := getBody(t, ts.URL+"/suche?q=Smart")
	if code != http.StatusOK || !strings.Contains(body, "wird gerade aufgebaut") || !strings.Contains(body, `href="/vorlagen/`) {
		t.Fatalf("/suche before the index: %d:\n%.2000s", code, body)
	}
	if code, body := getBody(t, ts.URL+"/api/search?q=Smart"); code != http.StatusServiceUnavailable || !strings.Contains(body, "aufgebaut") {
		t.Fatalf("/api/search before the index: %d %s", code, body)
	}
}
