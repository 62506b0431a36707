package mirror

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// parent is the object an embedded child belongs to.
type parent struct {
	kind ratsinfo.Kind
	id   int64
	url  string
}

// conv converts one source object. It collects references that do not resolve
// yet; in the final pass they are dropped and counted instead.
type conv struct {
	im      *importer
	v       view
	kind    ratsinfo.Kind
	par     *parent
	index   int // position in the parent's array, -1 when standalone
	final   bool
	missing []string
	// stored is the stored version of the object if convert read it already
	// (a standalone agenda item keeps its stored position), so save need not
	// read it again.
	stored object
}

// importReq is one source object to import and where it was found.
type importReq struct {
	obj  map[string]any
	want ratsinfo.Kind // the kind expected there ("" = the object's own type)
	par  *parent       // the embedding parent, nil when standalone or not yet known
	// index is the place in the parent's array, standalone or embeddedSingle.
	index int
	// final is the fix-up pass: references that do not resolve now are dropped
	// and counted instead of waiting.
	final bool
	// fetchedAs is the URL the object was fetched from when it may differ from
	// its id (a linked object read on its own); both are mapped.
	fetchedAs string
}

// importObject imports one source object and returns its local id, 0 if it was
// skipped, is a tombstone or waits for a reference. Only store failures and ctx
// end are errors.
func (im *importer) importObject(ctx context.Context, req importReq) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	v := im.view(req.obj, req.fetchedAs)
	if v.url == "" {
		im.rep.skip(string(req.want) + " ohne id")
		return 0, nil
	}
	if req.fetchedAs != "" && req.fetchedAs != v.url {
		im.rep.repair("id-differs-from-url", 1)
	}
	im.rep.add(&im.rep.Objects, 1)
	if !im.ownID(v.url) {
		im.rep.repair("foreign-id", 1)
		return 0, nil
	}
	kind := v.kind()
	if _, ok := kindOps[kind]; !ok {
		kind = req.want
	}
	if v.deleted() {
		return 0, im.tombstone(ctx, v, kind)
	}
	if id, ok := im.done[v.url]; ok && !req.final {
		// Already written in this run in its other form: OParl 1.1 serves embedded
		// objects in their parent and again in their own list.
		im.rep.add(&im.rep.Unchanged, 1)
		return id, nil
	}
	hash := hashOf(req.obj)
	ref, found, err := im.lookup(ctx, v.url)
	if err != nil {
		return 0, err
	}
	if found && !im.ownRow(ref) {
		im.rep.repair("foreign-object", 1)
		return 0, nil
	}
	if found && ref.Hash == hash && !req.final {
		im.rep.add(&im.rep.Unchanged, 1)
		im.markDone(v.url, ref.ID)
		return ref.ID, nil
	}
	c := &conv{im: im, v: v, kind: kind, par: req.par, index: req.index, final: req.final}
	id, err := c.convert(ctx, ref, found)
	if err != nil {
		return 0, err
	}
	if len(c.missing) > 0 {
		hash = ""
		if err := im.addPending(ctx, c, req.obj); err != nil {
			return id, err
		}
	}
	if id == 0 && len(c.missing) > 0 {
		return 0, nil // not written yet: a required reference is pending
	}
	return id, im.record(ctx, c, req.fetchedAs, ratsinfo.SourceRef{Kind: kind, ID: id, Hash: hash, System: im.system})
}

// record maps the object's id, and the URL it was fetched from if that differs,
// to its local copy r, and marks it done unless it waits for the fix-up pass.
func (im *importer) record(ctx context.Context, c *conv, fetchedAs string, r ratsinfo.SourceRef) error {
	urls := []string{c.v.url}
	if fetchedAs != "" && fetchedAs != c.v.url {
		urls = append(urls, fetchedAs)
	}
	for _, u := range urls {
		if err := im.src.RecordSource(ctx, u, r); err != nil {
			return err
		}
		im.staged[u] = r
	}
	if r.ID == 0 {
		im.missing[c.v.url] = true
	} else if len(c.missing) == 0 {
		im.markDone(c.v.url, r.ID) // pending objects stay open for the fix-up pass
		return im.resolved(ctx, c.v.url)
	}
	return nil
}

// lookup finds what url was imported as: this transaction, earlier ones of this
// run, or the source map as loaded at the start. Nothing else writes the source
// map during an import, so a miss needs no query.
func (im *importer) lookup(_ context.Context, url string) (ratsinfo.SourceRef, bool, error) {
	if r, ok := im.staged[url]; ok {
		return r, true, nil
	}
	if r, ok := im.cache[url]; ok {
		return r, true, nil
	}
	r, ok := im.known[url]
	return r, ok, nil
}

// ref resolves a reference to a local id of kind k. A reference that cannot be
// resolved yet is remembered; one known to be missing is dropped and counted.
func (c *conv) ref(ctx context.Context, u string, k ratsinfo.Kind) (int64, error) {
	if u == "" {
		return 0, nil
	}
	r, found, err := c.im.lookup(ctx, u)
	if err != nil {
		return 0, err
	}
	if found && r.ID != 0 && (r.Kind == k || k == "") {
		return r.ID, nil
	}
	if c.final || c.im.missing[u] || (found && r.ID == 0) {
		c.im.rep.repair("missing-linked-object", 1)
		return 0, nil
	}
	c.missing = append(c.missing, u)
	return 0, nil
}

func (c *conv) refs(ctx context.Context, us []string, k ratsinfo.Kind) ([]int64, error) {
	var out []int64
	for _, u := range us {
		id, err := c.ref(ctx, u, k)
		if err != nil {
			return nil, err
		}
		if id != 0 && !containsID(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// save validates and writes x: nothing when the stored object is the same, an
// update when it differs, a create when it is new. It returns the local id, 0 when
// the object is invalid even after repair (counted as skipped, not an error).
func (c *conv) save(ctx context.Context, ref ratsinfo.SourceRef, found bool, x object) (int64, error) {
	im, ops := c.im, kindOps[c.kind]
	if err := c.validate(x); err != nil {
		return 0, c.skip(err)
	}
	meta := x.Base()
	if found && ref.ID != 0 && ref.Kind == c.kind {
		old, err := c.stored, error(nil)
		if old == nil || old.Base().ID != ref.ID {
			old, err = ops.find(im.store, ctx, ref.ID)
		}
		if err == nil && !old.Base().Deleted {
			// The update's precondition: the stored object is the one compared.
			meta.ID, meta.Modified = ref.ID, old.Base().Modified
			if ops.same(old, x) {
				im.rep.add(&im.rep.Unchanged, 1)
				return ref.ID, nil
			}
			if err := ops.update(im.store, ctx, x); err != nil {
				return 0, c.skip(err)
			}
			im.rep.add(&im.rep.Updated, 1)
			return ref.ID, nil
		}
		if err != nil && ratsinfo.ErrorCode(err) != ratsinfo.ENOTFOUND {
			return 0, err
		}
	}
	meta.ID = 0
	if err := ops.create(im.store, ctx, x); err != nil {
		return 0, c.skip(err)
	}
	im.rep.add(&im.rep.Created, 1)
	return meta.ID, nil
}

// skip counts an object the store refused; anything but a refusal is returned.
func (c *conv) skip(err error) error {
	switch ratsinfo.ErrorCode(err) {
	case ratsinfo.EINVALID, ratsinfo.ENOTFOUND, ratsinfo.ECONFLICT:
	default:
		return err
	}
	var e *ratsinfo.Error
	fields := []string{}
	if errors.As(err, &e) {
		for f := range e.Fields {
			fields = append(fields, f)
		}
	}
	sort.Strings(fields)
	c.im.rep.skip(fmt.Sprintf("%s (%s)", c.kind, strings.Join(fields, ", ")))
	c.im.opt.Logger.Warn("Objekt übersprungen", "url", c.v.url, "reason", ratsinfo.ErrorMessage(err))
	return nil
}

// tombstone applies a deletion to the local copy, if there is one.
func (im *importer) tombstone(ctx context.Context, v view, kind ratsinfo.Kind) error {
	if _, ok := v.m["type"]; !ok {
		im.rep.repair("tombstone-without-type", 1)
	}
	ref, found, err := im.lookup(ctx, v.url)
	if err != nil || !found || ref.ID == 0 {
		return err
	}
	if !im.ownRow(ref) {
		im.rep.repair("foreign-object", 1)
		return nil
	}
	err = kindOps[ref.Kind].del(im.store, ctx, ref.ID)
	switch ratsinfo.ErrorCode(err) {
	case "":
		im.rep.add(&im.rep.Deleted, 1)
	case ratsinfo.ENOTFOUND: // already deleted
	default:
		return fmt.Errorf("delete %s: %w", v.url, err)
	}
	return im.dropEmbedded(ctx, ref)
}
