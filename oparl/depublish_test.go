package oparl

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
)

// TestDepublishModifiedSince: after a published paper is withdrawn, a mirror
// asking for modified_since from before must be told of every object whose
// public form changed: the paper and its consultation as tombstones, the files
// only it attached as tombstones, and the agenda item that linked the
// consultation (no longer linking it) with its meeting.
func TestDepublishModifiedSince(t *testing.T) {
	start := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	t.Run("sqlite", func(t *testing.T) { checkDepublishModifiedSince(t, newWorldAt(t, "", start)) })
	t.Run("postgres", func(t *testing.T) { checkDepublishModifiedSince(t, newWorldAt(t, pgtest.DSN(t), start)) })
}

func checkDepublishModifiedSince(t *testing.T, w *world) {
	ctx := ratsinfo.SystemContext(context.Background())
	cs, err := w.store.Changes(ctx, 0, 1000000)
	must(t, err)
	since := cs[len(cs)-1].At.Add(time.Second)
	p, err := w.store.FindPaperByID(ctx, w.paper.ID)
	must(t, err)
	p.Published = false
	must(t, w.store.UpdatePaper(ctx, p))

	q := "?modified_since=" + url.QueryEscape(since.In(ratsinfo.Berlin()).Format(time.RFC3339))
	for _, c := range []struct {
		list string
		id   int64
		tomb bool
	}{
		{"paper", w.paper.ID, true},
		{"consultation", w.consultation.ID, true},
		{"file", w.mainFile.ID, true},
		{"file", w.auxFile.ID, true},
		{"agendaItem", w.publicItem.ID, false},
		{"meeting", w.meeting.ID, false},
	} {
		u := fmt.Sprintf("%s/body/%d/%s%s", w.api, w.body.ID, c.list, q)
		want := fmt.Sprintf("%s/%s/%d", w.api, c.list, c.id)
		var found map[string]any
		for _, o := range walk(t, u) {
			if o["id"] == want {
				found = o
			}
		}
		if found == nil {
			t.Errorf("%s: %s fehlt", u, want)
			continue
		}
		if deleted, _ := found["deleted"].(bool); deleted != c.tomb {
			t.Errorf("%s: deleted = %v, erwartet %v", want, deleted, c.tomb)
		}
		if c.list == "agendaItem" && found["consultation"] != nil {
			t.Errorf("%s verweist noch auf die Beratung %v", want, found["consultation"])
		}
	}
}
