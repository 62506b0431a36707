package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// demoSite serves the demo city from the store at dsn ("" = a SQLite temp
// file) on a real loopback server, for tests that must run on both databases.
func demoSite(t *testing.T, dsn string, cfg Config) (*httptest.Server, *sqldb.DB, *demo.City) {
	t.Helper()
	if dsn == "" {
		dsn = filepath.Join(t.TempDir(), "ratsinfo.db")
	}
	clock := func() time.Time { return testNow }
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn, sqldb.Options{Migrate: true, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	blobs, err := blob.NewDir(filepath.Join(t.TempDir(), "dateien"))
	if err != nil {
		t.Fatal(err)
	}
	city, err := demo.Load(ratsinfo.SystemContext(ctx), db, blobs)
	if err != nil {
		t.Fatal(err)
	}
	cfg.BaseURL, cfg.Store, cfg.Feedback, cfg.Now = "http://ratsinfo.test", db, db, clock
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	mux := http.NewServeMux()
	NewServer(cfg).Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, db, city
}

// TestControlCharactersInQuery: a control character in any query parameter of any
// page is a German 400 that names the parameter, never a 500 (PostgreSQL refuses
// a NUL in a text parameter). On SQLite and on PostgreSQL.
func TestControlCharactersInQuery(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { checkControlCharacters(t, "") })
	t.Run("postgres", func(t *testing.T) { checkControlCharacters(t, pgtest.DSN(t)) })
}

func checkControlCharacters(t *testing.T, dsn string) {
	srv, _, city := demoSite(t, dsn, Config{})
	org := ratsinfo.WebPath(ratsinfo.KindOrganization, city.MainCommitteeID)
	pages := map[string][]string{
		"/":                                      {"q", "lang"},
		ratsinfo.WebListPath(ratsinfo.KindPaper): {"q", "art", "gremium", "person", "von", "bis", "seite", "lang"},
		ratsinfo.WebListPath(ratsinfo.KindMeeting):      {"monat", "gremium", "lang"},
		ratsinfo.WebListPath(ratsinfo.KindOrganization): {"lang", "q"},
		ratsinfo.WebListPath(ratsinfo.KindPerson):       {"lang", "q"},
		"/suche":                   {"q", "seite", "lang"},
		meetingsICS():              {"gremium"},
		papersAtom():               {"art"},
		org + papersAtom():         {"art"},
		org:                        {"lang"},
		"/sprache":                 {"lang", "zurueck"},
		"/barrierefreiheit":        {"lang"},
		"/seite-die-es-nicht-gibt": {"q"},
		ratsinfo.WebListPath(ratsinfo.KindPaper) + "/1": {"lang"},
	}
	checked := 0
	for path, params := range pages {
		for _, param := range params {
			for _, bad := range []string{"%00", "%01", "%1b", "%7f", "%ff"} {
				u := srv.URL + path + "?" + param + "=Radweg" + bad + "x"
				res, err := http.Get(u)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				body := string(b)
				if res.StatusCode != http.StatusBadRequest {
					t.Errorf("%s?%s=…%s: status %d, want 400", path, param, bad, res.StatusCode)
					continue
				}
				if want := "Der Suchparameter „" + param + "“ enthält ein unzulässiges Steuerzeichen"; !strings.Contains(body, want) {
					t.Errorf("%s?%s=…%s: the page does not say %q", path, param, bad, want)
				}
				checked++
			}
		}
	}
	// The parameter's name itself, and the English page.
	for _, c := range []struct{ query, lang, want string }{
		{"q%00=Radweg", "de", "Der Name eines Suchparameters enthält ein unzulässiges Steuerzeichen"},
		{"q=Rad%00weg", "en", "The query parameter “q” contains a control character"},
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/suche?"+c.query, nil)
		req.Header.Set("Accept-Language", c.lang)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), c.want) {
			t.Errorf("/suche?%s (%s): status %d, want 400 with %q", c.query, c.lang, res.StatusCode, c.want)
		}
	}
	// Tab and line breaks are whitespace a pasted search may hold, not a fault.
	res, err := http.Get(srv.URL + "/suche?q=Rad%09weg%0A")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("search with a tab: status %d, want 200", res.StatusCode)
	}
	t.Logf("%d hostile queries answered 400", checked)
}
