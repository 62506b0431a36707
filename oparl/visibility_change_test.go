package oparl

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
)

// visibilityChange is one write that changes what the public sees. setup runs
// before the first snapshot (it may make the fixture fit the case); do is the
// change under test.
type visibilityChange struct {
	name  string
	setup func(t *testing.T, w *world, ctx context.Context)
	do    func(t *testing.T, w *world, ctx context.Context)
}

// TestVisibilityChangeReachesModifiedSince is the promise of issue #9 item 5 in
// its general form: after any one change of what the public sees, every object
// whose public OParl JSON changed, appeared or vanished is delivered by
// modified_since=<before the change> — changed and appeared ones as they are
// now, vanished ones as tombstones (and their own URL answers the tombstone, not
// 404). The snapshots are every public list of the body, read anonymously from
// the real server, before and after the change.
func TestVisibilityChangeReachesModifiedSince(t *testing.T) {
	start := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	for _, c := range visibilityChanges() {
		t.Run(c.name, func(t *testing.T) {
			t.Run("sqlite", func(t *testing.T) { checkVisibilityChange(t, newWorldAt(t, "", start), c) })
			t.Run("postgres", func(t *testing.T) { checkVisibilityChange(t, newWorldAt(t, pgtest.DSN(t), start), c) })
		})
	}
}

func visibilityChanges() []visibilityChange {
	paper := func(t *testing.T, w *world, ctx context.Context, id int64, edit func(p *ratsinfo.Paper)) {
		p, err := w.store.FindPaperByID(ctx, id)
		must(t, err)
		edit(p)
		must(t, w.store.UpdatePaper(ctx, p))
	}
	withdraw := func(t *testing.T, w *world, ctx context.Context) {
		paper(t, w, ctx, w.paper.ID, func(p *ratsinfo.Paper) { p.Published = false })
	}
	return []visibilityChange{
		// 1: the location only the paper used vanishes with it.
		{name: "Vorlage zurückgezogen", do: withdraw},
		{name: "Vorlage gelöscht", do: func(t *testing.T, w *world, ctx context.Context) {
			must(t, w.store.DeletePaper(ctx, w.paper.ID))
		}},
		// 1b: the location's other user is hidden already.
		{name: "Ort nur noch von Verborgenem genutzt",
			setup: func(t *testing.T, w *world, ctx context.Context) {
				paper(t, w, ctx, w.draft.ID, func(p *ratsinfo.Paper) { p.LocationIDs = []int64{w.site.ID} })
			},
			do: withdraw},
		{name: "Vorlage wieder veröffentlicht", setup: withdraw, do: func(t *testing.T, w *world, ctx context.Context) {
			paper(t, w, ctx, w.paper.ID, func(p *ratsinfo.Paper) { p.Published = true })
		}},
		// A location that only a hidden paper used becomes visible when that paper
		// lets go of it.
		{name: "Ort wieder sichtbar",
			setup: func(t *testing.T, w *world, ctx context.Context) {
				l := &ratsinfo.Location{BodyID: w.body.ID, Description: "Grundstück hinter dem Bauhof"}
				must(t, w.store.CreateLocation(ctx, l))
				paper(t, w, ctx, w.draft.ID, func(p *ratsinfo.Paper) { p.LocationIDs = []int64{l.ID} })
			},
			do: func(t *testing.T, w *world, ctx context.Context) {
				paper(t, w, ctx, w.draft.ID, func(p *ratsinfo.Paper) { p.LocationIDs = nil })
			}},
		// 2: the resolution file goes with the item's public content.
		{name: "Tagesordnungspunkt nichtöffentlich", do: func(t *testing.T, w *world, ctx context.Context) {
			a, err := w.store.FindAgendaItemByID(ctx, w.publicItem.ID)
			must(t, err)
			a.Public = false
			must(t, w.store.UpdateAgendaItem(ctx, a))
		}},
		// 3: without consent the address is no longer public.
		{name: "Einwilligung widerrufen", do: func(t *testing.T, w *world, ctx context.Context) {
			p, err := w.store.FindPersonByID(ctx, w.alice.ID)
			must(t, err)
			p.ContactConsent = false
			must(t, w.store.UpdatePerson(ctx, p))
		}},
		// 4: a consultation of an unpublished paper is not public.
		{name: "Beratung zu unveröffentlichter Vorlage", do: func(t *testing.T, w *world, ctx context.Context) {
			c, err := w.store.FindConsultationByID(ctx, w.consultation.ID)
			must(t, err)
			c.PaperID = w.draft.ID
			must(t, w.store.UpdateConsultation(ctx, c))
		}},
		// Further lists that name a paper the public no longer sees.
		{name: "verwandte Vorlage zurückgezogen",
			setup: func(t *testing.T, w *world, ctx context.Context) {
				paper(t, w, ctx, w.fillers[0].ID, func(p *ratsinfo.Paper) {
					p.RelatedPaperIDs = []int64{w.paper.ID}
					p.SuperordinatedPaperIDs = []int64{w.paper.ID}
				})
			},
			do: withdraw},
		{name: "Einwilligung erteilt", do: func(t *testing.T, w *world, ctx context.Context) {
			l := &ratsinfo.Location{BodyID: w.body.ID, StreetAddress: "Birkenweg 1"}
			p, err := w.store.FindPersonByID(ctx, w.bob.ID)
			must(t, err)
			must(t, w.store.InTransaction(ctx, func(ctx context.Context) error {
				must(t, w.store.CreateLocation(ctx, l))
				p.LocationID, p.ContactConsent = l.ID, true
				return w.store.UpdatePerson(ctx, p)
			}))
		}},
		{name: "Person gelöscht", do: func(t *testing.T, w *world, ctx context.Context) {
			must(t, w.store.DeletePerson(ctx, w.alice.ID))
		}},
		{name: "Tagesordnungspunkt wieder öffentlich",
			setup: func(t *testing.T, w *world, ctx context.Context) {
				a, err := w.store.FindAgendaItemByID(ctx, w.publicItem.ID)
				must(t, err)
				a.Public = false
				must(t, w.store.UpdateAgendaItem(ctx, a))
			},
			do: func(t *testing.T, w *world, ctx context.Context) {
				a, err := w.store.FindAgendaItemByID(ctx, w.publicItem.ID)
				must(t, err)
				a.Public = true
				must(t, w.store.UpdateAgendaItem(ctx, a))
			}},
		// A public paper lets go of a file and a location: both vanish.
		{name: "Anlage und Ort entfernt", do: func(t *testing.T, w *world, ctx context.Context) {
			paper(t, w, ctx, w.paper.ID, func(p *ratsinfo.Paper) { p.AuxiliaryFileIDs, p.LocationIDs = nil, nil })
		}},
	}
}

func checkVisibilityChange(t *testing.T, w *world, c visibilityChange) {
	ctx := ratsinfo.SystemContext(context.Background())
	if c.setup != nil {
		c.setup(t, w, ctx)
	}
	cs, err := w.store.Changes(ctx, 0, 1000000)
	must(t, err)
	since := cs[len(cs)-1].At.Add(time.Second)
	before := publicSnapshot(t, w, "")
	c.do(t, w, ctx)
	after := publicSnapshot(t, w, "")
	delivered := publicSnapshot(t, w, "?modified_since="+url.QueryEscape(since.In(ratsinfo.Berlin()).Format(time.RFC3339)))

	var ids []string
	for id := range before {
		ids = append(ids, id)
	}
	for id := range after {
		if _, ok := before[id]; !ok {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	changed := 0
	for _, id := range ids {
		b, a := before[id], after[id]
		if a == b {
			continue
		}
		changed++
		d, ok := delivered[id]
		switch {
		case !ok:
			t.Errorf("%s: öffentlich geändert, fehlt aber in modified_since\nvorher:  %.300s\nnachher: %.300s", id, b, a)
		case a == "":
			if !isTombstone(d) {
				t.Errorf("%s: verschwunden, modified_since liefert keinen Grabstein: %.300s", id, d)
			}
			if _, body := get(t, id); !isTombstone(string(body)) {
				t.Errorf("%s: verschwunden, die eigene URL antwortet keinen Grabstein: %.300s", id, body)
			}
		case d != a:
			t.Errorf("%s: modified_since liefert\n%.300s\nstatt\n%.300s", id, d, a)
		}
	}
	if changed == 0 {
		t.Fatalf("die Änderung hat öffentlich nichts geändert: der Fall prüft nichts")
	}
}

func isTombstone(s string) bool {
	var m map[string]any
	return json.Unmarshal([]byte(s), &m) == nil && m["deleted"] == true
}

// publicSnapshot reads every list of the fixture's body anonymously (with the
// query q) and returns each object's JSON by its id. Lists without
// modified_since hold no tombstones, so a vanished object is missing there.
func publicSnapshot(t *testing.T, w *world, q string) map[string]string {
	t.Helper()
	body := getJSON(t, fmt.Sprintf("%s/body/%d", w.api, w.body.ID), 200)
	out := map[string]string{}
	lists := []string{w.api + "/body" + q}
	for _, k := range []string{"organization", "person", "meeting", "paper", "agendaItem", "consultation",
		"file", "locationList", "legislativeTermList", "membership"} {
		u, _ := body[k].(string)
		if u == "" {
			t.Fatalf("body: keine Liste %s", k)
		}
		lists = append(lists, u+q)
	}
	for _, u := range lists {
		for _, o := range walk(t, u) {
			id, _ := o["id"].(string)
			b, err := json.Marshal(o)
			must(t, err)
			out[id] = string(b)
		}
	}
	return out
}
