package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// demoDataDir writes the demo city as of its reference day into a data folder
// that serve then opens, so the test does not depend on the day it runs.
func demoDataDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	ctx := ratsinfo.SystemContext(context.Background())
	db, err := sqldb.Open(ctx, filepath.Join(dir, "ratsinfo.db"), sqldb.Options{Migrate: true, Now: func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	blobs, err := blob.NewDir(filepath.Join(dir, "dateien"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, db, blobs); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestCompression fetches pages, feeds, calendars, OParl lists and a file of
// the demo city through the real binary with and without Accept-Encoding,
// decodes what came compressed and compares it with the plain answer.
func TestCompression(t *testing.T) {
	dir := demoDataDir(t)
	srv := startServer(t, "--data-dir", dir, "--migrate")
	// A client that neither asks for nor decodes compression by itself.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(path string, header ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.baseURL+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return res, b
	}
	decode := func(enc string, b []byte) []byte {
		t.Helper()
		var r io.Reader
		switch enc {
		case "gzip":
			z, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("gzip: %v", err)
			}
			r = z
		case "br":
			r = brotli.NewReader(bytes.NewReader(b))
		default:
			return b
		}
		out, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("decode %s: %v", enc, err)
		}
		return out
	}

	_, home := get("/")
	css := regexp.MustCompile(`/static/style\.[0-9a-f]+\.css`).Find(home)
	if css == nil {
		t.Fatal("no stylesheet on the start page")
	}
	for _, path := range []string{string(css), "/", "/vorlagen", "/sitzungen.ics", "/vorlagen.atom", "/sitemap.xml",
		"/oparl/v1.1/body/1/meeting", "/oparl/v1.1/body/1/paper"} {
		t.Run(path, func(t *testing.T) {
			plainRes, plain := get(path)
			if plainRes.StatusCode != 200 || plainRes.Header.Get("Content-Encoding") != "" {
				t.Fatalf("plain: status %d, encoding %q", plainRes.StatusCode, plainRes.Header.Get("Content-Encoding"))
			}
			if !strings.Contains(strings.Join(plainRes.Header.Values("Vary"), ","), "Accept-Encoding") {
				t.Errorf("plain answer lacks Vary: Accept-Encoding: %q", plainRes.Header.Values("Vary"))
			}
			for _, c := range []struct{ accept, enc, suffix string }{
				{"gzip, deflate, br", "br", `-br"`}, {"gzip", "gzip", `-gz"`}, {"br;q=0, gzip;q=0.8", "gzip", `-gz"`},
			} {
				res, body := get(path, "Accept-Encoding", c.accept)
				if got := res.Header.Get("Content-Encoding"); got != c.enc {
					t.Fatalf("%s: Content-Encoding %q, want %q", c.accept, got, c.enc)
				}
				if len(body) >= len(plain) {
					t.Errorf("%s: %d bytes compressed, %d plain", c.enc, len(body), len(plain))
				}
				// Pages depend on the clock only where the minute changes; the demo's do not within a test.
				if !bytes.Equal(decode(c.enc, body), plain) {
					t.Errorf("%s: decoded body differs from the plain one", c.enc)
				}
				etag := res.Header.Get("ETag")
				// OParl lists carry no ETag; where the plain answer has one, the compressed has its own.
				if plainRes.Header.Get("ETag") != "" && (!strings.HasSuffix(etag, c.suffix) || etag == plainRes.Header.Get("ETag")) {
					t.Errorf("%s: ETag %q, plain %q", c.enc, etag, plainRes.Header.Get("ETag"))
				}
				if !strings.Contains(strings.Join(res.Header.Values("Vary"), ","), "Accept-Encoding") {
					t.Errorf("%s: no Vary: Accept-Encoding", c.enc)
				}
				// The compressed ETag validates the compressed copy.
				if etag != "" {
					res304, b := get(path, "Accept-Encoding", c.accept, "If-None-Match", etag)
					if res304.StatusCode != http.StatusNotModified || len(b) != 0 || res304.Header.Get("ETag") != etag {
						t.Errorf("%s: If-None-Match %s gave %d, ETag %q", c.enc, etag, res304.StatusCode, res304.Header.Get("ETag"))
					}
					// ... and not the plain one.
					if res, _ := get(path, "If-None-Match", etag); res.StatusCode != 200 {
						t.Errorf("plain request with the compressed ETag: %d", res.StatusCode)
					}
				}
			}
		})
	}

	t.Run("never for ranges and files", func(t *testing.T) {
		res, _ := get("/vorlagen", "Accept-Encoding", "br, gzip", "Range", "bytes=0-99")
		if res.Header.Get("Content-Encoding") != "" {
			t.Errorf("Range request answered with %q", res.Header.Get("Content-Encoding"))
		}
		_, list := get("/oparl/v1.1/body/1/file")
		var page struct {
			Data []struct {
				AccessURL   string `json:"accessUrl"`
				DownloadURL string `json:"downloadUrl"`
			} `json:"data"`
		}
		if err := json.Unmarshal(list, &page); err != nil || len(page.Data) == 0 {
			t.Fatalf("file list: %v", err)
		}
		for _, u := range []string{page.Data[0].AccessURL, page.Data[0].DownloadURL} {
			path := strings.TrimPrefix(u, srv.baseURL)
			res, body := get(path, "Accept-Encoding", "br, gzip")
			_, plain := get(path)
			if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, plain) {
				t.Errorf("%s: status %d, encoding %q", path, res.StatusCode, res.Header.Get("Content-Encoding"))
			}
			res, _ = get(path, "Accept-Encoding", "br, gzip", "Range", "bytes=0-9")
			if res.StatusCode != http.StatusPartialContent || res.Header.Get("Content-Encoding") != "" {
				t.Errorf("%s range: status %d, encoding %q", path, res.StatusCode, res.Header.Get("Content-Encoding"))
			}
		}
	})
}
