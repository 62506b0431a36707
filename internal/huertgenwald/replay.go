// Package huertgenwald serves the real OParl 1.0 crawl of Gemeinde Hürtgenwald
// (SD.NET RIM, in testdata/) from a loopback server, as the vendor did, for the tests
// of the validator and the mirror: a typical vendor endpoint with its real defects.
// It is test support only and imports package testing for that reason.
package huertgenwald

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

// huertgenwaldBase is the vendor URL the crawl was taken from; the replay
// server rewrites it to its own loopback address.
const huertgenwaldBase = "https://sdnetrim.kdvz-frechen.de/rim4220/webservice/oparl/v1.0/"

// archive is the crawl, kept in the repository (testdata/README.md says where it
// comes from) and embedded, so that a test in any package finds it.
//
//go:embed testdata/cache_huertgenwald.tar.zst
var archive []byte

// unpackHuertgenwald extracts the crawl into a temp folder, or skips the test
// when zstd is missing.
func unpackHuertgenwald(t testing.TB) string {
	t.Helper()
	testenv.LookPath(t, "zstd", "zstd", "Hürtgenwald-Replay-Tests")
	dir := t.TempDir()
	cmd := exec.Command("tar", "--zstd", "-xf", "-", "-C", dir)
	cmd.Stdin = bytes.NewReader(archive)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tar --zstd: %v\n%s", err, out)
	}
	return dir
}

// replay serves a crawl dump like the vendor did: list pages from their
// files, every object (listed or embedded) under its id, 404 otherwise.
type replay struct {
	files   map[string][]byte // path?query → body, base already rewritten
	objects map[string][]byte // path → standalone object
}

// newReplay loads the dump. Assumptions where the dump is silent: JSON is
// served with CORS and a JSON content type; embedded objects fetched alone
// carry their back-reference (the dump has no standalone copies); ids in
// missing_ids.json marked fetchable get a minimal Location; file URLs
// answer with a placeholder PDF.
func newReplay(t testing.TB, dir, base string) *replay {
	r := &replay{files: map[string][]byte{}, objects: map[string][]byte{}}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		r.files[strings.TrimSuffix(filepath.ToSlash(rel), ".json")] = bytes.ReplaceAll(b, []byte(huertgenwaldBase), []byte(base))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var missing map[string]bool
	if err := json.Unmarshal(r.files["missing_ids"], &missing); err != nil {
		t.Fatalf("missing_ids.json: %v", err)
	}
	delete(r.files, "missing_ids")
	persons := map[string][]any{} // person locations known only by id
	for key, b := range r.files {
		if !strings.HasPrefix(key, "body") {
			continue
		}
		var page struct{ Data []map[string]any }
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber() // re-encoded floats must stay as the vendor wrote them
		if err := dec.Decode(&page); err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		for _, o := range page.Data {
			r.index(base, o, "", "")
			if loc := str(o["location"]); loc != "" && missing[loc] {
				persons[loc] = append(persons[loc], o["id"])
			}
		}
	}
	for id, fetchable := range missing {
		if fetchable && strings.Contains(id, "/location/") {
			r.add(base, map[string]any{"id": id, "type": "https://schema.oparl.org/1.0/Location", "persons": persons[id]})
		}
	}
	return r
}

func (r *replay) add(base string, o map[string]any) {
	id, _ := o["id"].(string)
	b, _ := json.Marshal(o)
	r.objects[strings.TrimPrefix(id, base)] = b
}

// backrefs names the property that points from an embedded child (by its
// type) back to a parent of the given type.
var replayBackrefs = map[string]map[string]string{
	"Membership":      {"Person": "person"},
	"AgendaItem":      {"Meeting": "meeting"},
	"Consultation":    {"Paper": "paper"},
	"LegislativeTerm": {"Body": "body"},
	"File":            {"Meeting": "meeting[]", "Paper": "paper[]", "AgendaItem": "agendaItem[]"},
	"Location":        {"Body": "bodies[]", "Organization": "organizations[]", "Meeting": "meetings[]", "Paper": "papers[]", "Person": "persons[]"},
}

// index registers o and, recursively, the objects embedded in it.
func (r *replay) index(base string, o map[string]any, parentType, parentID string) {
	typ := typeName(str(o["type"]))
	for _, v := range o {
		switch v := v.(type) {
		case map[string]any:
			if _, ok := v["id"]; ok {
				r.index(base, v, typ, str(o["id"]))
			}
		case []any:
			for _, e := range v {
				if m, ok := e.(map[string]any); ok {
					r.index(base, m, typ, str(o["id"]))
				}
			}
		}
	}
	standalone := map[string]any{}
	for k, v := range o {
		standalone[k] = v
	}
	if prev, ok := r.objects[strings.TrimPrefix(str(o["id"]), base)]; ok {
		dec := json.NewDecoder(bytes.NewReader(prev))
		dec.UseNumber()
		_ = dec.Decode(&standalone) // keep back-references of earlier parents
	}
	if ref := replayBackrefs[typ][parentType]; ref != "" {
		if name, ok := strings.CutSuffix(ref, "[]"); ok {
			arr, _ := standalone[name].([]any)
			standalone[name] = append(arr, parentID)
		} else {
			standalone[ref] = parentID
		}
	}
	r.add(base, standalone)
}

func (r *replay) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	p := strings.TrimPrefix(req.URL.Path, "/")
	if strings.Contains(p, "/files/") {
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		if strings.Contains(p, "/files/download/") {
			w.Header().Set("Content-Disposition", `attachment; filename="dokument.pdf"`)
		}
		w.Write([]byte("%PDF-1.4\n"))
		return
	}
	key := p
	if req.URL.RawQuery != "" {
		key += "?" + req.URL.RawQuery
	}
	b, ok := r.files[key]
	if !ok && req.URL.RawQuery == "page=1" {
		b, ok = r.files[p]
	}
	if !ok && req.URL.RawQuery == "" {
		b, ok = r.objects[p]
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	if !ok {
		// What SD.NET answers for anything unknown, empty lists included.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"error":"Die angeforderte Ressource wurde nicht gefunden.","code":802}`))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}

// Start serves the Hürtgenwald crawl on loopback and returns the System URL. It
// skips the test, saying why, when the dump or zstd is missing.
func Start(t testing.TB) string {
	dir := unpackHuertgenwald(t)
	r := &replay{}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	*r = *newReplay(t, dir, srv.URL+"/")
	return srv.URL + "/system"
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func typeName(t string) string { return t[strings.LastIndex(t, "/")+1:] }
