package oparl

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

// TestCrawlAsPublic behaves like a real OParl client: it starts at the System
// object, follows every link, list page and reference, and checks that
//   - nothing non-public ever appears (non-public agenda item's name and result,
//     the unpublished paper and its file) — the leak test;
//   - every referenced URL resolves (no dangling references, pain point 9);
//   - a standalone object's id is the URL it was fetched from (pain point 15);
//   - every answer has the right shape (no null, "", [], bad dates).
func TestCrawlAsPublic(t *testing.T) {
	w := newWorld(t)
	schemas := loadSchemas(t)
	secrets := []string{secretItemName, secretItemResult, draftPaperName, draftFileText, "Kita Sonnenschein",
		"bernd@privat.example"} // contact data without consent
	queue := []string{w.api + "/system"}
	seen := map[string]bool{queue[0]: true}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, body := get(t, u)
		for _, s := range secrets {
			if strings.Contains(string(body), s) {
				t.Errorf("LEAK: %s contains %q", u, s)
			}
		}
		if strings.HasSuffix(u, "/access") || strings.HasSuffix(u, "/download") {
			if resp.StatusCode != 200 && resp.StatusCode != 410 {
				t.Errorf("%s: status %d", u, resp.StatusCode)
			}
			continue
		}
		if resp.StatusCode != 200 {
			t.Errorf("dangling reference %s: status %d: %s", u, resp.StatusCode, body)
			continue
		}
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		checkShape(t, u, v, "")
		if schemas != nil {
			for _, e := range checkSchema(schemas, v) {
				t.Errorf("schema: %s: %s", u, e)
			}
		}
		if m, ok := v.(map[string]any); ok && m["data"] == nil && m["id"] != u {
			t.Errorf("fetched %s but id is %v", u, m["id"])
		}
		var links []string
		collectLinks(v, w.api, &links)
		sort.Strings(links)
		for _, l := range links {
			if !seen[l] {
				seen[l] = true
				queue = append(queue, l)
			}
		}
	}
	if len(seen) < 40 {
		t.Errorf("crawl reached only %d URLs", len(seen))
	}
}

// collectLinks gathers every string in v that is a URL of the API.
func collectLinks(v any, api string, out *[]string) {
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, api+"/") {
			*out = append(*out, x)
		}
	case []any:
		for _, e := range x {
			collectLinks(e, api, out)
		}
	case map[string]any:
		for _, e := range x {
			collectLinks(e, api, out)
		}
	}
}
