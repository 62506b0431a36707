package mirror_test

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// crawl reads every object of every list of an OParl server, as a consumer
// would, keyed by id. Embedded objects are collected in their standalone list.
func crawl(t testing.TB, sys string) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	system := getObj(t, sys)
	bodies := walkList(t, system["body"].(string))
	for _, b := range bodies {
		out[b["id"].(string)] = b
		for _, prop := range []string{"organization", "person", "meeting", "paper", "agendaItem", "consultation",
			"file", "locationList", "legislativeTermList", "membership"} {
			if u, ok := b[prop].(string); ok {
				for _, o := range walkList(t, u) {
					out[o["id"].(string)] = o
				}
			}
		}
	}
	return out
}

func walkList(t testing.TB, u string) []map[string]any {
	var all []map[string]any
	for u != "" {
		pg := getObj(t, u)
		for _, o := range pg["data"].([]any) {
			all = append(all, o.(map[string]any))
		}
		links, _ := pg["links"].(map[string]any)
		u, _ = links["next"].(string)
	}
	return all
}

func getObj(t testing.TB, u string) map[string]any {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	return m
}

var apiID = regexp.MustCompile(`^(https?://[^/]+)/oparl/v1\.1/(\w+)/(\d+)(.*)$`)

// translator rewrites the URLs of a mirror (B) into the URLs of its source (A),
// using the mirror's own source map: what B calls paper/7 is A's paper/123.
type translator map[string]string // "segment/Bid" → A URL without suffix

func newTranslator(t testing.TB, src ratsinfo.SourceMap, a map[string]map[string]any) translator {
	tr := translator{}
	ctx := ratsinfo.SystemContext(context.Background())
	for u := range a {
		r, err := src.FindBySource(ctx, u)
		if err != nil {
			continue
		}
		m := apiID.FindStringSubmatch(u)
		if m == nil {
			continue
		}
		tr[m[2]+"/"+itoa(r.ID)] = m[1] + "/oparl/v1.1/" + m[2] + "/" + m[3]
	}
	return tr
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

func (tr translator) value(v any) any {
	switch x := v.(type) {
	case string:
		if a, ok := tr["="+x]; ok {
			return a
		}
		if m := apiID.FindStringSubmatch(x); m != nil {
			if a, ok := tr[m[2]+"/"+m[3]]; ok {
				return a + m[4]
			}
		}
		return x
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = tr.value(e)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = tr.value(e)
		}
		return out
	}
	return v
}

// strip drops what a mirror legitimately changes: timestamps and web links.
func strip(v any) any {
	switch x := v.(type) {
	case []any:
		for i, e := range x {
			x[i] = strip(e)
		}
	case map[string]any:
		for _, k := range []string{"created", "modified", "web"} {
			delete(x, k)
		}
		for k, e := range x {
			x[k] = strip(e)
		}
	}
	return v
}

// compareMirrors reports objects of a that b lacks or holds differently.
func compareMirrors(t *testing.T, a, b map[string]map[string]any, tr translator) {
	t.Helper()
	bt := map[string]any{}
	for _, o := range b {
		x := strip(tr.value(o)).(map[string]any)
		bt[x["id"].(string)] = x
	}
	var diffs []string
	for u, o := range a {
		x := strip(o)
		if !reflect.DeepEqual(x, bt[u]) {
			diffs = append(diffs, describeDiff(u, x.(map[string]any), bt[u]))
		}
	}
	sort.Strings(diffs)
	if len(a) != len(b) || len(diffs) > 0 {
		t.Errorf("Quelle %d Objekte, Spiegel %d; %d abweichend", len(a), len(b), len(diffs))
		for i, d := range diffs {
			if i == 10 {
				break
			}
			t.Log(d)
		}
	}
}

func describeDiff(u string, a map[string]any, bv any) string {
	b, _ := bv.(map[string]any)
	if b == nil {
		return u + ": fehlt im Spiegel"
	}
	var keys []string
	for k := range a {
		if !reflect.DeepEqual(a[k], b[k]) {
			ja, _ := json.Marshal(a[k])
			jb, _ := json.Marshal(b[k])
			keys = append(keys, k+": "+trunc(string(ja))+" ≠ "+trunc(string(jb)))
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k+": nur im Spiegel")
		}
	}
	return u + ": " + strings.Join(keys, "; ")
}

func trunc(s string) string {
	if len(s) > 160 {
		return s[:160] + "…"
	}
	return s
}
