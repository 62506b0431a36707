package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	if out.Total == 0 || !strings.Contains(out.Hits[0].ID, "/oparl/v1.1/") {
		t.Fatalf("Zukunftsbotschafter: %+v", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "suche", "index")); err != nil {
		t.Fatalf("no index in the data folder: %v", err)
	}
}
