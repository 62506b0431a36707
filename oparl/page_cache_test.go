package oparl

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestPageCacheNeverServesStale changes, depublishes and deletes a paper between
// requests of the same URLs: every answer must show the store's current state.
func TestPageCacheNeverServesStale(t *testing.T) {
	w := newWorld(t)
	ctx := ratsinfo.SystemContext(context.Background())
	list := fmt.Sprintf("%s/body/%d/paper", w.api, w.body.ID)
	one := fmt.Sprintf("%s/paper/%d", w.api, w.paper.ID)

	_, first := get(t, list)
	_, again := get(t, list)
	if !bytes.Equal(first, again) {
		t.Fatal("a repeated request without changes gave another answer")
	}

	p, err := w.store.FindPaperByID(ctx, w.paper.ID)
	must(t, err)
	p.Name = "Radweg am Stadtpark – geänderter Titel"
	must(t, w.store.UpdatePaper(ctx, p))
	for _, u := range []string{list, one} {
		if _, body := get(t, u); !strings.Contains(string(body), "geänderter Titel") {
			t.Errorf("%s still shows the old title after an update", u)
		}
	}

	p.Published = false
	must(t, w.store.UpdatePaper(ctx, p))
	if _, body := get(t, list); strings.Contains(string(body), "geänderter Titel") {
		t.Error("a depublished paper is still served from the cache")
	}
	resp, body := get(t, one)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"deleted":true`) || strings.Contains(string(body), "geänderter Titel") {
		t.Errorf("depublished paper: status %d body %s", resp.StatusCode, body)
	}
}

func TestPageCacheEvictsAndSkipsLargePages(t *testing.T) {
	c := newPageCache(800)
	c.put("/a", 1, bytes.Repeat([]byte("a"), 90))
	c.put("/b", 1, bytes.Repeat([]byte("b"), 90))
	if _, ok := c.get("/a", 1); !ok {
		t.Fatal("fresh entry missing")
	}
	for i := range 20 {
		c.put(fmt.Sprintf("/p%d", i), 1, bytes.Repeat([]byte("x"), 90))
	}
	if c.size > c.max {
		t.Fatalf("cache holds %d bytes, limit %d", c.size, c.max)
	}
	if _, ok := c.get("/b", 1); ok {
		t.Error("least recently used entry was not evicted")
	}
	c.put("/huge", 1, bytes.Repeat([]byte("h"), 500))
	if _, ok := c.get("/huge", 1); ok {
		t.Error("a page larger than an eighth of the cache was kept")
	}
	c.put("/old", 0, []byte("stale"))
	if _, ok := c.get("/old", 1); ok {
		t.Error("a page rendered before the newest change was kept")
	}
	if _, ok := c.get("/p19", 2); ok {
		t.Error("an entry survived a newer change-feed position")
	}
}
