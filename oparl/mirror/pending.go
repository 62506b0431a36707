package mirror

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/ratsinfo/ratsinfo"
)

// pendingObj is an object whose references did not all resolve when it was read:
// it points at something later in the crawl (agenda item → consultation, paper →
// paper) or at something in no list at all. It is kept as a checkpoint, in the
// transaction of its page, so a kill does not lose it; the fix-up pass fetches
// what is missing and imports the object again.
type pendingObj struct {
	Kind      ratsinfo.Kind  `json:"kind"`
	Parent    string         `json:"parent,omitempty"`
	ParentKnd ratsinfo.Kind  `json:"parentKind,omitempty"`
	Index     int            `json:"index"`
	Missing   []string       `json:"missing"`
	Object    map[string]any `json:"object"`
}

const pendingPrefix = "pending:"

func (im *importer) addPending(ctx context.Context, c *conv, o map[string]any) error {
	p := pendingObj{Kind: c.kind, Index: c.index, Missing: c.missing, Object: o}
	if c.par != nil {
		p.Parent, p.ParentKnd = c.par.url, c.par.kind
	}
	b, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("pending %s: %w", c.v.url, err)
	}
	im.pending[c.v.url] = true
	return im.src.SetCheckpoint(ctx, pendingPrefix+c.v.url, string(b))
}

// resolved drops the pending entry of url once a later copy of the object (its
// standalone version in its own list) was imported complete. im.pending may name
// more than is stored (a rolled-back transaction), never less that matters: an
// entry it misses is still found and re-imported by the fix-up pass.
func (im *importer) resolved(ctx context.Context, url string) error {
	if !im.pending[url] {
		return nil
	}
	delete(im.pending, url)
	return im.src.SetCheckpoint(ctx, pendingPrefix+url, "")
}

// maxFixupRounds bounds the chain "fetched object points at another missing
// object"; after it every unresolved reference is dropped and counted.
const maxFixupRounds = 4

// fixup resolves the pending objects: it fetches every missing URL by itself
// (objects in no list, like SD.NET's person locations), imports what it gets, and
// then imports the pending objects again. References that still do not resolve
// are dropped in the last round and counted as missing-linked-object.
func (im *importer) fixup(ctx context.Context) error {
	for round := 0; round < maxFixupRounds; round++ {
		all, err := im.src.Checkpoints(ctx, pendingPrefix)
		if err != nil {
			return fmt.Errorf("read pending objects: %w", err)
		}
		if len(all) == 0 {
			return nil
		}
		im.rep.mu.Lock()
		im.rep.list, im.rep.listTotal = "Nachladen fehlender Objekte", 0
		im.rep.mu.Unlock()
		pend := map[string]pendingObj{}
		var fetch []string
		want := map[string]bool{}
		for key, raw := range all {
			var p pendingObj
			if json.Unmarshal([]byte(raw), &p) != nil {
				continue
			}
			pend[strings.TrimPrefix(key, pendingPrefix)] = p
			for _, u := range p.Missing {
				if _, known, err := im.lookup(ctx, u); err != nil {
					return err
				} else if !known && !im.missing[u] && !want[u] {
					want[u] = true
					fetch = append(fetch, u)
				}
			}
		}
		if err := im.dereference(ctx, fetch); err != nil {
			return err
		}
		final := round == maxFixupRounds-1 || len(fetch) == 0
		if err := im.reimport(ctx, pend, final); err != nil {
			return err
		}
	}
	return nil
}

// dereference fetches objects by URL, in parallel, and imports them in batches.
func (im *importer) dereference(ctx context.Context, urls []string) error {
	for len(urls) > 0 {
		batch := urls[:min(len(urls), 100)]
		urls = urls[len(batch):]
		got := make([]map[string]any, len(batch))
		var wg sync.WaitGroup
		for i, u := range batch {
			wg.Add(1)
			go func() {
				defer wg.Done()
				o, err := im.fetchObject(ctx, u)
				if err != nil {
					im.opt.Logger.Info("verlinktes Objekt fehlt", "url", u, "err", err)
					return
				}
				got[i] = o
			}()
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return err
		}
		var objs []map[string]any
		for _, o := range got {
			if o != nil {
				objs = append(objs, o)
			}
		}
		files := im.prefetchFiles(ctx, objs)
		err := im.inTx(ctx, func(ctx context.Context) error {
			im.downloads, im.needSync = files, true
			for i, u := range batch {
				if got[i] == nil {
					im.missing[u] = true
					continue
				}
				id, err := im.importObject(ctx, importReq{obj: got[i], index: standalone, fetchedAs: u})
				if err != nil {
					return err
				}
				if id == 0 {
					im.missing[u] = true
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// reimport imports pending objects again, 200 to a transaction.
func (im *importer) reimport(ctx context.Context, pend map[string]pendingObj, final bool) error {
	keys := make([]string, 0, len(pend))
	for k := range pend {
		keys = append(keys, k)
	}
	for len(keys) > 0 {
		batch := keys[:min(len(keys), 200)]
		keys = keys[len(batch):]
		err := im.inTx(ctx, func(ctx context.Context) error {
			for _, k := range batch {
				p := pend[k]
				var par *parent
				if p.Parent != "" {
					r, ok, err := im.lookup(ctx, p.Parent)
					if err != nil {
						return err
					}
					if !ok || r.ID == 0 {
						// The parent itself is pending; its re-import brings this child.
						if final {
							im.rep.skip(string(p.Kind) + " ohne übernommenes Elternobjekt")
							if err := im.src.SetCheckpoint(ctx, pendingPrefix+k, ""); err != nil {
								return err
							}
						}
						continue
					}
					par = &parent{p.ParentKnd, r.ID, p.Parent}
				}
				// Removed first: importObject files it again if it is still incomplete.
				delete(im.pending, k)
				if err := im.src.SetCheckpoint(ctx, pendingPrefix+k, ""); err != nil {
					return err
				}
				if _, err := im.importObject(ctx, importReq{obj: p.Object, want: p.Kind, par: par, index: p.Index, final: final}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
