package oparl

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestFileContent(t *testing.T) {
	w := newWorld(t)
	base := fmt.Sprintf("%s/file/%d", w.api, w.mainFile.ID)
	content := "%PDF-1.4 Radweg am Stadtpark, öffentliche Vorlage"

	resp, body := get(t, base+"/access")
	if resp.StatusCode != 200 || string(body) != content {
		t.Fatalf("access: %d %q", resp.StatusCode, body)
	}
	if cd := resp.Header.Get("Content-Disposition"); strings.Contains(cd, "attachment") {
		t.Errorf("accessUrl sends Content-Disposition %q", cd)
	}
	etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	if etag == "" || lm == "" || resp.Header.Get("Content-Length") != fmt.Sprint(len(content)) || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("access headers: %v", resp.Header)
	}

	resp, _ = get(t, base+"/download")
	want := `attachment; filename="Vorlage Radweg Sued.pdf"; filename*=UTF-8''Vorlage%20Radweg%20S%C3%BCd.pdf`
	if cd := resp.Header.Get("Content-Disposition"); cd != want {
		t.Errorf("download Content-Disposition = %q, want %q", cd, want)
	}

	for _, h := range [][]string{{"If-None-Match", etag}, {"If-Modified-Since", lm}} {
		resp, _ = get(t, base+"/access", h...)
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s: status %d, want 304", h[0], resp.StatusCode)
		}
	}
	resp, body = get(t, base+"/access", "Range", "bytes=0-3")
	if resp.StatusCode != http.StatusPartialContent || string(body) != "%PDF" {
		t.Errorf("range: %d %q", resp.StatusCode, body)
	}

	// Deleted file: 410 with an Error object; the object itself is a tombstone.
	m := getJSON(t, fmt.Sprintf("%s/file/%d/access", w.api, w.deadFile.ID), http.StatusGone)
	if m["type"] != typeError {
		t.Errorf("410 body = %v", m)
	}
	// File of an unpublished paper: not there at all.
	for _, suffix := range []string{"", "/access", "/download"} {
		resp, body = get(t, fmt.Sprintf("%s/file/%d%s", w.api, w.draftFile.ID, suffix))
		if resp.StatusCode != 404 || strings.Contains(string(body), draftFileText) {
			t.Errorf("draft file%s: %d %s", suffix, resp.StatusCode, body)
		}
	}
	// Embedded files name both URLs.
	m = getJSON(t, fmt.Sprintf("%s/paper/%d", w.api, w.paper.ID), 200)
	mf := m["mainFile"].(map[string]any)
	if mf["accessUrl"] != base+"/access" || mf["downloadUrl"] != base+"/download" {
		t.Errorf("mainFile = %v", mf)
	}
}
