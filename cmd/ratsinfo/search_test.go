package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/search"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// waitForSearch waits until the server's index is built: /api/search answers 200.
func waitForSearch(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		resp, err := http.Get(base + "/api/search?q=Haushalt")
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
			if resp.StatusCode != http.StatusServiceUnavailable {
				t.Fatalf("/api/search: %d while the index is built", resp.StatusCode)
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the search index was not built within 3 minutes")
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// serve builds the index of the demo city in its data folder on the first
// start; a word of the seed answer's text is then found through the API.
func TestServeBuildsSearchIndex(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, "--demo", "--data-dir", dir)
	waitForSearch(t, srv.baseURL)
	var out struct {
		Total int
		Hits  []struct{ Type, ID, Name, Web string }
	}
	resp, err := http.Get(srv.baseURL + "/api/search?q=Zukunftsbotschafter")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	paper := false
	for _, h := range out.Hits {
		paper = paper || (h.Type == "paper" && strings.Contains(h.ID, "/oparl/v1.1/paper/"))
	}
	if !paper {
		t.Fatalf("Zukunftsbotschafter finds no paper with its OParl id: %+v", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "suche", "index")); err != nil {
		t.Fatalf("no index in the data folder: %v", err)
	}
}

// reindex builds the index of a generated city beside the old one and swaps
// it in, exits 0 and reports the figures; while another process holds the
// index it refuses in German and leaves the index alone.
func TestReindex(t *testing.T) {
	for _, tc := range []struct{ name, database string }{{"sqlite", ""}, {"postgres", "pg"}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{"--data-dir", dir}
			if tc.database != "" {
				args = append(args, "--database", pgtest.DSN(t))
			}
			if code, _, errOut := run(t, append([]string{"generate", "--papers", "150"}, args...)...); code != 0 {
				t.Fatalf("generate: %d %s", code, errOut)
			}
			for i := range 2 { // the second run replaces the first index
				code, out, errOut := run(t, append([]string{"reindex"}, args...)...)
				if code != 0 || !strings.Contains(out, "Suchindex neu aufgebaut") {
					t.Fatalf("reindex %d: %d\n%s\n%s", i+1, code, out, errOut)
				}
			}
			db, err := sqldb.Open(context.Background(), dsnOf(dir, args), sqldb.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			idx, err := search.Open(filepath.Join(dir, "suche"), db, search.Options{})
			if err != nil {
				t.Fatal(err)
			}
			st, err := idx.Stats()
			if err != nil || st.Docs < 150 {
				t.Fatalf("index after reindex: %+v %v", st, err)
			}
			code, _, errOut := run(t, append([]string{"reindex"}, args...)...)
			if code != 1 || !strings.Contains(errOut, "anderen Ratsinfo-Prozess") || !strings.Contains(errOut, "serve") {
				t.Fatalf("reindex while the index is held: %d %s", code, errOut)
			}
			if _, err := os.Stat(filepath.Join(dir, "suche", "index.neu")); err == nil {
				t.Fatal("a refused reindex left a half index")
			}
			idx.Close()
		})
	}
}

// dsnOf is the database a command with args uses.
func dsnOf(dir string, args []string) string {
	for i, a := range args {
		if a == "--database" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return filepath.Join(dir, "ratsinfo.db")
}
