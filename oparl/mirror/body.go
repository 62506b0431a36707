package mirror

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"syscall"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// bodyLists are a body's external lists in import order: what others point to
// comes first (locations, organizations, persons), so that most references
// resolve at once. Agenda items embedded in meetings point at consultations that
// come with the papers; they wait in the pending set until their standalone
// copies in the agenda item list, read after the papers, complete them (OParl 1.0
// servers have no such list: there the fix-up pass does). Files come last:
// nearly all of them are embedded in meetings and papers and arrive with those,
// their downloads spread over those pages instead of holding up the file list.
var bodyLists = []struct {
	prop string
	kind ratsinfo.Kind
}{
	{"locationList", ratsinfo.KindLocation},
	{"legislativeTermList", ratsinfo.KindLegislativeTerm},
	{"organization", ratsinfo.KindOrganization},
	{"person", ratsinfo.KindPerson},
	{"membership", ratsinfo.KindMembership},
	{"meeting", ratsinfo.KindMeeting},
	{"paper", ratsinfo.KindPaper},
	{"consultation", ratsinfo.KindConsultation},
	{"agendaItem", ratsinfo.KindAgendaItem},
	{"file", ratsinfo.KindFile},
}

// listCheckpoint is what is stored per list URL.
type listCheckpoint struct {
	// Since is the server time at which the last complete run of this list began:
	// the next run asks for modified_since=Since.
	Since string `json:"since,omitempty"`
	// Started and Next belong to a run in progress: when it began, and the page to
	// continue with after a kill.
	Started string `json:"started,omitempty"`
	Next    string `json:"next,omitempty"`
	// Filter is the modified_since the run in progress was started with.
	Filter string `json:"filter,omitempty"`
}

const timeFormat = "2006-01-02T15:04:05-07:00"

// preload reads the source map and the blob checkpoints once.
func (im *importer) preload(ctx context.Context) error {
	var err error
	if im.known, err = im.src.Sources(ctx); err != nil {
		return fmt.Errorf("read source map: %w", err)
	}
	pending, err := im.src.Checkpoints(ctx, pendingPrefix)
	if err != nil {
		return fmt.Errorf("read pending objects: %w", err)
	}
	im.pending = make(map[string]bool, len(pending))
	for k := range pending {
		im.pending[strings.TrimPrefix(k, pendingPrefix)] = true
	}
	if im.retry, err = im.src.RetryFiles(ctx, im.system); err != nil {
		return fmt.Errorf("read retry set: %w", err)
	}
	raw, err := im.src.Checkpoints(ctx, blobPrefix)
	if err != nil {
		return fmt.Errorf("read blob checkpoints: %w", err)
	}
	im.knownBlobs = make(map[string]blobInfo, len(raw))
	for k, v := range raw {
		var b blobInfo
		if json.Unmarshal([]byte(v), &b) == nil {
			im.knownBlobs[k[len(blobPrefix):]] = b
		}
	}
	return nil
}

// mirrorBody imports one Body object and then its lists, then resolves what
// stayed pending.
func (im *importer) mirrorBody(ctx context.Context, o map[string]any) error {
	v := im.view(o, "")
	if v.url == "" {
		im.rep.skip("Body ohne id")
		return nil
	}
	err := im.inTx(ctx, func(ctx context.Context) error {
		im.allowBody = true
		defer func() { im.allowBody = false }()
		id, err := im.importObject(ctx, importReq{obj: o, want: ratsinfo.KindBody, index: standalone})
		im.body = id
		return err
	})
	if err != nil {
		return err
	}
	if im.body == 0 {
		im.rep.failure("Körperschaft %s konnte nicht übernommen werden", v.url)
		return nil
	}
	im.withFiles = true
	var lists []listRun
	for _, l := range bodyLists {
		if u := v.link(l.prop); u != "" {
			r, err := im.startList(ctx, u, l.kind)
			if err != nil {
				return err
			}
			lists = append(lists, r)
		}
	}
	if err := im.mirrorLists(ctx, lists); err != nil {
		return err
	}
	return im.fixup(ctx)
}

// listRun is one external list as the import walks it: where it starts and the
// checkpoint that the writer advances page by page.
type listRun struct {
	url   string
	kind  ratsinfo.Kind
	start string
	hint  bool
	cp    listCheckpoint
}

// startList reads the checkpoint of a list and decides where its walk starts.
func (im *importer) startList(ctx context.Context, listURL string, kind ratsinfo.Kind) (listRun, error) {
	raw, err := im.src.Checkpoint(ctx, "list:"+listURL)
	if err != nil {
		return listRun{}, fmt.Errorf("read checkpoint of %s: %w", listURL, err)
	}
	var cp listCheckpoint
	if raw != "" {
		_ = json.Unmarshal([]byte(raw), &cp) // a damaged checkpoint means a full crawl
	}
	r := listRun{url: listURL, kind: kind, start: cp.Next, hint: cp.Next == ""}
	if r.start == "" {
		cp.Filter, cp.Started = cp.Since, ""
		r.start = listURL
		if cp.Filter != "" {
			r.start = withParam(listURL, "modified_since", cp.Filter)
		}
	}
	r.cp = cp
	return r, nil
}

// mirrorLists reads the lists one after the other and writes each page in one
// transaction with its list's new checkpoint. The reading runs ahead of the
// writing across list boundaries: the next list's first page and its files are
// fetched while the last pages of this one are written, so the writer does not
// wait at the start of every list.
func (im *importer) mirrorLists(ctx context.Context, lists []listRun) error {
	current, finished := -1, 0
	// finish counts the lists before list i as done, for the progress line: the
	// reader has left them, and the writer has written their last page.
	finish := func(i int) {
		if i > finished {
			im.rep.add(&im.rep.Lists, i-finished)
			finished = i
		}
	}
	err := im.walkLists(ctx, lists, batchObjects, func(ctx context.Context, pgs []*page) error {
		for _, pg := range pgs {
			if pg.list != current {
				finish(pg.list)
				current = pg.list
				im.rep.mu.Lock()
				im.rep.list, im.rep.listTotal, im.rep.listDone = lists[current].url, 0, 0
				im.rep.mu.Unlock()
			}
			im.rep.mu.Lock()
			if pg.total > 0 && im.rep.listTotal == 0 {
				im.rep.listTotal = pg.total
			}
			im.rep.listDone += len(pg.data)
			im.rep.mu.Unlock()
		}
		return im.writePages(ctx, lists, pgs)
	})
	if err == nil {
		finish(len(lists))
	}
	return err
}

// batchObjects is how many objects of small pages may share one transaction.
const batchObjects = 500

// writePages writes pages, each with its list's new checkpoint, in one
// transaction.
func (im *importer) writePages(ctx context.Context, lists []listRun, pgs []*page) error {
	files := map[string]blobInfo{}
	for _, pg := range pgs {
		cp := &lists[pg.list].cp
		if cp.Started == "" {
			cp.Started = pg.at.Format(timeFormat)
		}
		// Not durable: downloaded again in the transaction, and synced in inTx.
		if pg.synced != nil && <-pg.synced != nil {
			continue
		}
		for k, b := range pg.files {
			files[k] = b
		}
	}
	err := im.inTx(ctx, func(ctx context.Context) error {
		im.downloads = files
		for _, pg := range pgs {
			l := &lists[pg.list]
			for _, o := range pg.data {
				if err := im.importOne(ctx, o, l.kind); err != nil {
					return err
				}
			}
			if err := im.advance(ctx, l, pg); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil || ctx.Err() != nil || diskFull(err) {
		return err
	}
	im.opt.Logger.Warn("Seite nicht schreibbar, Objekte werden einzeln geschrieben", "err", err)
	return im.writeIsolated(ctx, lists, pgs, files)
}

// importOne imports one object of a list page, unless the run's object budget
// is spent.
func (im *importer) importOne(ctx context.Context, o map[string]any, kind ratsinfo.Kind) error {
	if n := im.opt.MaxObjects; n > 0 {
		im.rep.mu.Lock()
		over := im.rep.Objects >= n
		im.rep.mu.Unlock()
		if over {
			im.stop(&stopError{fmt.Sprintf("Obergrenze von %d Objekten für diesen Lauf erreicht; der nächste Aufruf setzt an der letzten gespeicherten Seite fort.", n)})
			return ctx.Err()
		}
	}
	_, err := im.importObject(ctx, importReq{obj: o, want: kind, index: standalone})
	return err
}

// advance writes the list's checkpoint after pg.
func (im *importer) advance(ctx context.Context, l *listRun, pg *page) error {
	next := l.cp
	if pg.last {
		next = listCheckpoint{Since: l.cp.Started}
	} else {
		next.Next = pg.next
	}
	b, _ := json.Marshal(next)
	if err := im.src.SetCheckpoint(ctx, "list:"+l.url, string(b)); err != nil {
		return err
	}
	l.cp = next
	return nil
}

// writeIsolated writes the pages of a failed transaction again, each object in a
// transaction of its own: an object the store cannot take (on PostgreSQL a
// failed statement aborts the whole transaction) is skipped and reported instead
// of failing its page on every run. The checkpoints are written last; if even
// they fail, the store itself is the problem and the error is returned.
func (im *importer) writeIsolated(ctx context.Context, lists []listRun, pgs []*page, files map[string]blobInfo) error {
	for _, pg := range pgs {
		l := &lists[pg.list]
		for _, o := range pg.data {
			err := im.inTx(ctx, func(ctx context.Context) error {
				im.downloads = files
				return im.importOne(ctx, o, l.kind)
			})
			switch {
			case err == nil:
			case ctx.Err() != nil, diskFull(err):
				return err
			default:
				id, _ := o["id"].(string)
				im.rep.skip(fmt.Sprintf("%s (nicht speicherbar)", l.kind))
				im.opt.Logger.Warn("Objekt nicht speicherbar, übersprungen", "url", id, "err", err)
			}
		}
		if err := im.inTx(ctx, func(ctx context.Context) error { return im.advance(ctx, l, pg) }); err != nil {
			return err
		}
	}
	return nil
}

// diskFull reports whether err says the disk under the store is full (SQLite:
// "database or disk is full", PostgreSQL: SQLSTATE 53100, or the errno).
func diskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "disk is full") || strings.Contains(s, "no space left") || strings.Contains(s, "53100")
}

// markDone notes that url was imported as id in this run.
func (im *importer) markDone(url string, id int64) {
	im.done[url] = id
	im.doneTx = append(im.doneTx, url)
}

// inTx runs fn in one store transaction and keeps the source-ref cache in step
// with what committed.
func (im *importer) inTx(ctx context.Context, fn func(ctx context.Context) error) error {
	im.staged, im.blobStaged = map[string]ratsinfo.SourceRef{}, map[string]blobInfo{}
	im.needSync, im.doneTx = false, im.doneTx[:0]
	start := time.Now()
	err := im.store.InTransaction(ctx, func(ctx context.Context) error {
		if err := fn(ctx); err != nil {
			return err
		}
		if im.batch == nil || !im.needSync {
			return nil
		}
		// Rows of this transaction point at contents downloaded in it: they
		// must be durable first. (A page's prefetched files are synced already.)
		return im.batch.Sync(ctx)
	})
	im.rep.addTime(&im.rep.Write, time.Since(start))
	if err == nil {
		for k, r := range im.staged {
			im.cache[k] = r
		}
		for k, b := range im.blobStaged {
			im.blobCache[k] = b
		}
	} else {
		for _, k := range im.doneTx {
			delete(im.done, k)
		}
	}
	im.staged, im.blobStaged = nil, nil
	im.downloads = nil
	return err
}
