package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// TestPaperListTotals: the paper list and the search count a filter's matches
// only up to the cap and then say "mehr als …", still linking the next page
// while pages are full; the whole list shows its exact total from the store's
// kept count, also above the cap and right after a write.
func TestPaperListTotals(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { checkPaperListTotals(t, filepath.Join(t.TempDir(), "ratsinfo.db")) })
	t.Run("postgres", func(t *testing.T) { checkPaperListTotals(t, pgtest.DSN(t)) })
}

func checkPaperListTotals(t *testing.T, dsn string) {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn, sqldb.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	sys := ratsinfo.SystemContext(ctx)
	body := &ratsinfo.Body{Name: "Stadt Zählhausen"}
	if err := db.CreateBody(sys, body); err != nil {
		t.Fatal(err)
	}
	create := func(name string, published bool) {
		t.Helper()
		p := &ratsinfo.Paper{BodyID: body.ID, Name: name, PaperType: ratsinfo.PaperTypeMotion, Published: published,
			Date: ratsinfo.NewDate(2024, 1, 2)}
		if err := db.CreatePaper(sys, p); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 7 {
		create(fmt.Sprintf("Antrag Radweg %d", i), true)
	}
	create("Antrag Radweg Entwurf", false)

	s := NewServer(Config{BaseURL: "http://ratsinfo.test", Store: db, Feedback: db, Now: time.Now,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	s.countCap = 5
	mux := http.NewServeMux()
	s.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	get := func(path string) string {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", path, res.StatusCode)
		}
		return string(b)
	}
	for _, c := range []struct {
		path         string
		want, absent []string
	}{
		{"/vorlagen", []string{"7 Vorlagen gefunden"}, []string{"mehr als"}},
		{"/vorlagen?q=Radweg", []string{"mehr als 5 Vorlagen gefunden"}, nil},
		{"/vorlagen?q=Radweg&lang=en", []string{"more than 5"}, nil},
		{"/vorlagen?q=Radweg+3", []string{"1 Vorlagen gefunden"}, []string{"mehr als"}},
		{"/suche?q=Radweg", []string{"mehr als 5 Treffer"}, nil},
		{"/suche?q=Radweg+3", []string{"1 Treffer"}, []string{"mehr als"}},
	} {
		page := get(c.path)
		for _, w := range c.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: %q fehlt", c.path, w)
			}
		}
		for _, a := range c.absent {
			if strings.Contains(page, a) {
				t.Errorf("%s: %q darf nicht erscheinen", c.path, a)
			}
		}
	}

	// Above the cap the pages go on while they are full (25 a page).
	for i := range 20 {
		create(fmt.Sprintf("Antrag Radweg Nachtrag %d", i), true)
	}
	if page := get("/vorlagen"); !strings.Contains(page, "27 Vorlagen gefunden") {
		t.Errorf("/vorlagen nach dem Schreiben: Gesamtzahl 27 fehlt")
	}
	if page := get("/vorlagen?q=Radweg"); !strings.Contains(page, `rel="next"`) {
		t.Errorf("/vorlagen?q=Radweg: volle Seite ohne Link zur nächsten")
	}
	if page := get("/vorlagen?q=Radweg&seite=2"); !strings.Contains(page, "Antrag Radweg") || strings.Contains(page, `rel="next"`) {
		t.Errorf("/vorlagen?q=Radweg&seite=2: die letzten Vorlagen fehlen, oder es folgt eine leere Seite")
	}
}
