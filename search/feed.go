package search

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// feedPage is how many change-feed entries one Sync step applies in a batch.
const feedPage = 1000

// Sync applies the change feed after the index's checkpoint until it is
// drained, and returns how many entries it applied. Each step writes its
// documents and the new checkpoint in one batch, so a crash repeats a step,
// never skips one. Changed objects are read again as the public sees them
// now: what the public no longer sees is deleted from the index.
func (x *Index) Sync(ctx context.Context) (int, error) {
	ctx = publicContext(ctx)
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.idx == nil {
		return 0, notReady()
	}
	applied := 0
	for {
		seq, err := readSeq(x.idx)
		if err != nil {
			return applied, err
		}
		changes, err := x.src.Changes(ctx, seq, feedPage)
		if err != nil {
			return applied, fmt.Errorf("read change feed after %d: %w", seq, err)
		}
		if len(changes) == 0 {
			break
		}
		if err := x.apply(ctx, changes); err != nil {
			return applied, err
		}
		applied += len(changes)
		if len(changes) < feedPage {
			break
		}
	}
	if applied > 0 {
		if err := x.refreshVocab(); err != nil {
			return applied, err
		}
	}
	return applied, nil
}

// apply indexes the objects of one page of changes and moves the checkpoint.
func (x *Index) apply(ctx context.Context, changes []ratsinfo.Change) error {
	ids := map[ratsinfo.Kind][]int64{}
	seen := map[ratsinfo.Kind]map[int64]bool{}
	add := func(k ratsinfo.Kind, id int64) {
		if seen[k] == nil {
			seen[k] = map[int64]bool{}
		}
		if !seen[k][id] {
			seen[k][id] = true
			ids[k] = append(ids[k], id)
		}
	}
	papersChanged := false
	for _, c := range changes {
		switch c.Kind {
		case ratsinfo.KindFile:
			// A file's text belongs to whatever it is attached to.
			f, err := x.src.FindFileByID(ctx, c.ObjectID)
			if err != nil {
				continue // not public (any more): its paper changes too
			}
			for _, p := range f.PaperIDs {
				add(ratsinfo.KindPaper, p)
			}
		case ratsinfo.KindPaper:
			papersChanged = true
			add(c.Kind, c.ObjectID)
		default:
			add(c.Kind, c.ObjectID)
		}
	}
	b := x.idx.NewBatch()
	for _, k := range indexedKinds {
		list := ids[k.kind]
		if len(list) == 0 {
			continue
		}
		docs, _, err := k.read(ctx, x.src, ratsinfo.ListFilter{IDs: list})
		if err != nil {
			return fmt.Errorf("index changes: %w", err)
		}
		found := map[string]bool{}
		for _, d := range docs {
			found[d.id] = true
			if err := b.Index(d.id, d.fields()); err != nil {
				return fmt.Errorf("index changes: %s: %w", d.id, err)
			}
		}
		for _, id := range list {
			if d := docID(k.name, id); !found[d] {
				b.Delete(d)
			}
		}
	}
	if papersChanged {
		// An inquiry and its answer are papers: their questions may have changed.
		if err := x.indexQuestions(ctx, x.idx); err != nil {
			return err
		}
	}
	b.SetInternal(feedKey, []byte(strconv.FormatInt(changes[len(changes)-1].Seq, 10)))
	if err := x.idx.Batch(b); err != nil {
		return fmt.Errorf("index changes up to %d: %w", changes[len(changes)-1].Seq, err)
	}
	return nil
}

// Follow keeps the index up to date until ctx ends: it builds the index
// first if there is none, then applies the change feed every interval. A
// failing step (the database away) is logged and tried again.
func (x *Index) Follow(ctx context.Context, interval time.Duration) {
	if !x.Ready() {
		start := time.Now()
		x.log.Info("Suchindex wird aufgebaut")
		for !x.Ready() {
			if err := x.Rebuild(ctx, nil); err != nil {
				if ctx.Err() != nil {
					return
				}
				x.log.Error("Suchindex ließ sich nicht aufbauen; neuer Versuch", "err", err)
				if !sleep(ctx, interval*10) {
					return
				}
			}
		}
		x.log.Info("Suchindex aufgebaut", "dauer", time.Since(start).Round(time.Millisecond))
	}
	for {
		if _, err := x.Sync(ctx); err != nil && ctx.Err() == nil {
			x.log.Warn("Suchindex: Änderungen ließen sich nicht übernehmen; neuer Versuch", "err", err)
		}
		if !sleep(ctx, interval) {
			return
		}
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
