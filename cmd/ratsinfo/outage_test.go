package main

import (
	"database/sql"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo/internal/pgtest"
)

// TestDatabaseOutageAnswers503 runs the real server on PostgreSQL, locks the
// database away (no new connections, every open one terminated) and asks pages
// and the API: each must say 503 with Retry-After and, on the site, in German
// that the database is unreachable, instead of 500 "Interner Fehler". When the
// database takes connections again, the same server answers 200 without a restart.
// The search answers from its own index in the data folder: once built, it
// stays 200 through the outage.
func TestDatabaseOutageAnswers503(t *testing.T) {
	dsn := pgtest.DSN(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	u.Path = "/postgres"
	admin, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	exec := func(q string) {
		t.Helper()
		if _, err := admin.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	srv := startServer(t, "--demo", "--data-dir", t.TempDir(), "--database", dsn)
	pages := []string{"/", "/vorlagen", "/vorlagen/1", "/sitzungen"}
	searches := []string{"/suche?q=Haushalt", "/api/search?q=Haushalt"}
	apis := []string{"/oparl/v1.1/system", "/oparl/v1.1/body/1/paper", "/oparl/v1.1/paper/1", "/oparl/v1.1/body/1/meeting?limit=3"}
	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := http.Get(srv.baseURL + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	for _, p := range append(pages, apis...) {
		if resp, body := get(p); resp.StatusCode != http.StatusOK {
			t.Fatalf("before the outage: GET %s: %d\n%.300s", p, resp.StatusCode, body)
		}
	}
	waitForSearch(t, srv.baseURL)

	exec("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false")
	t.Cleanup(func() { admin.Exec("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true") })
	exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'")

	for _, p := range pages {
		resp, body := get(p)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "30" {
			t.Errorf("outage: GET %s: %d Retry-After %q, want 503 with Retry-After 30", p, resp.StatusCode, resp.Header.Get("Retry-After"))
		}
		if !strings.Contains(body, "Datenbank ist gerade nicht erreichbar") || strings.Contains(body, "Interner Fehler") {
			t.Errorf("outage: GET %s does not say that the database is unreachable:\n%.2000s", p, body)
		}
	}
	for _, p := range apis {
		resp, body := get(p)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "30" ||
			!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Errorf("outage: GET %s: %d Retry-After %q %s, want 503 JSON with Retry-After 30", p, resp.StatusCode,
				resp.Header.Get("Retry-After"), resp.Header.Get("Content-Type"))
		}
		if !strings.Contains(body, "Datenbank ist gerade nicht erreichbar") {
			t.Errorf("outage: GET %s: %s", p, body)
		}
	}

	for _, p := range searches {
		if resp, body := get(p); resp.StatusCode != http.StatusOK || !strings.Contains(body, "/vorlagen/") {
			t.Errorf("outage: GET %s: %d, want 200 with hits from the index\n%.500s", p, resp.StatusCode, body)
		}
	}

	if t.Failed() {
		t.Logf("server log:\n%s", srv.stderr.String())
	}
	exec("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true")
	for _, p := range append(append(pages, apis...), searches...) {
		if resp, body := get(p); resp.StatusCode != http.StatusOK {
			t.Errorf("after the outage: GET %s: %d\n%.300s", p, resp.StatusCode, body)
		}
	}
}
