package oparl

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// get fetches u and checks what every JSON answer must carry: CORS, the content
// type, and a body that is valid UTF-8 JSON.
func get(t testing.TB, u string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	must(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := noRedirect.Do(req)
	must(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	must(t, err)
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("GET %s: no Access-Control-Allow-Origin: *", u)
	}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q", u, ct)
		}
		if !json.Valid(body) {
			t.Errorf("GET %s: invalid JSON: %.200s", u, body)
		}
	}
	return resp, body
}

// getJSON fetches u, expects status, and decodes the answer.
func getJSON(t testing.TB, u string, status int) map[string]any {
	t.Helper()
	resp, body := get(t, u)
	if resp.StatusCode != status {
		t.Fatalf("GET %s: status %d, want %d: %s", u, resp.StatusCode, status, body)
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return m
}

// golden compares got (JSON) with testdata/golden/name.json after replacing the
// test server's random address, or rewrites the file with -update.
func golden(t *testing.T, name, base string, got []byte) {
	t.Helper()
	var buf bytes.Buffer
	must(t, json.Indent(&buf, got, "", "  "))
	norm := strings.ReplaceAll(buf.String(), base, "http://ratsinfo.test")
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		must(t, os.WriteFile(path, []byte(norm), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != norm {
		t.Errorf("%s differs from golden file %s:\n%s", name, path, norm)
	}
}

var (
	dateRE     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	dateTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$`)
)

var dateProps = map[string]bool{"date": true, "startDate": true, "endDate": true}
var dateTimeProps = map[string]bool{"created": true, "modified": true, "start": true, "end": true,
	"licenseValidSince": true, "oparlSince": true}

// checkShape walks a decoded answer and reports what OParl forbids: null, empty
// strings, empty arrays other than the mandatory ones, badly formatted dates, and
// objects without created/modified.
func checkShape(t testing.TB, where string, v any, key string) {
	t.Helper()
	switch x := v.(type) {
	case nil:
		t.Errorf("%s: %s is null", where, key)
	case string:
		if x == "" {
			t.Errorf("%s: %s is an empty string", where, key)
		}
		if dateProps[key] && !dateRE.MatchString(x) {
			t.Errorf("%s: %s = %q is not yyyy-mm-dd", where, key, x)
		}
		if dateTimeProps[key] && !dateTimeRE.MatchString(x) {
			t.Errorf("%s: %s = %q is not yyyy-mm-ddThh:mm:ss±hh:mm", where, key, x)
		}
	case []any:
		if len(x) == 0 && key != "data" && key != "legislativeTerm" {
			t.Errorf("%s: %s is an empty array", where, key)
		}
		for _, e := range x {
			checkShape(t, where, e, key)
		}
	case map[string]any:
		if typ, _ := x["type"].(string); strings.HasPrefix(typ, schemaBase) && typ != typeError && key != "geojson" {
			for _, p := range []string{"id", "created", "modified"} {
				if _, ok := x[p]; !ok {
					t.Errorf("%s: %s object %v lacks %s", where, typ, x["id"], p)
				}
			}
		}
		for k, e := range x {
			if key == "geojson" {
				continue
			}
			checkShape(t, where, e, k)
		}
	}
}
