package search

import (
	"context"
	"fmt"
	"os"

	"github.com/blevesearch/bleve/v2"

	"github.com/ratsinfo/ratsinfo"
)

// kindReader reads the documents of one kind for a list filter (a page by
// AfterID and Limit, or the IDs of changed objects), with the cursor of the
// next page.
type kindReader func(ctx context.Context, src Source, lf ratsinfo.ListFilter) ([]*doc, int64, error)

// indexedKinds are the OParl kinds with documents of their own.
var indexedKinds = []struct {
	kind ratsinfo.Kind
	name string
	read kindReader
}{
	{ratsinfo.KindPaper, ratsinfo.SearchPaper, papers},
	{ratsinfo.KindMeeting, ratsinfo.SearchMeeting, meetings},
	{ratsinfo.KindAgendaItem, ratsinfo.SearchAgendaItem, agendaItems},
	{ratsinfo.KindPerson, ratsinfo.SearchPerson, persons},
	{ratsinfo.KindOrganization, ratsinfo.SearchOrganization, organizations},
}

// buildPage is how many objects one read and one index batch take.
const buildPage = 500

// Progress hears how far a rebuild has come: objects done of about total.
type Progress func(done, total int)

// Rebuild builds a new index beside the live one (<dir>/index.neu) from the
// whole public record and then puts it in the live one's place; searches go on
// against the old index meanwhile. The change-feed position is taken before
// reading, so changes made during the build are applied again by the next Sync.
func (x *Index) Rebuild(ctx context.Context, progress Progress) error {
	ctx = publicContext(ctx)
	seq, err := x.src.LatestChange(ctx)
	if err != nil {
		return fmt.Errorf("rebuild search index: %w", err)
	}
	total := 0
	for _, k := range indexedKinds {
		n, err := x.src.Count(ctx, k.kind, ratsinfo.ListFilter{})
		if err != nil {
			return fmt.Errorf("rebuild search index: count %s: %w", k.kind, err)
		}
		total += n
	}
	neu := x.path("index.neu")
	if err := os.RemoveAll(neu); err != nil {
		return fmt.Errorf("rebuild search index: %w", err)
	}
	m, err := newMapping()
	if err != nil {
		return err
	}
	idx, err := bleve.New(neu, m)
	if err != nil {
		return fmt.Errorf("rebuild search index: create %s: %w", neu, err)
	}
	if err := x.fill(ctx, idx, total, progress); err != nil {
		idx.Close()
		os.RemoveAll(neu)
		return err
	}
	b := idx.NewBatch()
	b.SetInternal(feedKey, []byte(fmt.Sprint(seq)))
	if err := idx.Batch(b); err != nil {
		idx.Close()
		return fmt.Errorf("rebuild search index: checkpoint: %w", err)
	}
	if err := idx.Close(); err != nil {
		return fmt.Errorf("rebuild search index: close: %w", err)
	}
	return x.swap()
}

// fill writes every public document into idx.
func (x *Index) fill(ctx context.Context, idx bleve.Index, total int, progress Progress) error {
	done := 0
	for _, k := range indexedKinds {
		var after int64
		for {
			docs, last, err := k.read(ctx, x.src, ratsinfo.ListFilter{AfterID: after, Limit: buildPage})
			if err != nil {
				return fmt.Errorf("rebuild search index: %w", err)
			}
			if last == 0 {
				break
			}
			b := idx.NewBatch()
			for _, d := range docs {
				if err := b.Index(d.id, d.fields()); err != nil {
					return fmt.Errorf("rebuild search index: %s: %w", d.id, err)
				}
			}
			if err := idx.Batch(b); err != nil {
				return fmt.Errorf("rebuild search index: write %s: %w", k.kind, err)
			}
			// Every object of the page counts, indexed or not (non-public items).
			done += buildPage
			if progress != nil {
				progress(min(done, total), total)
			}
			after = last
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	return x.indexQuestions(ctx, idx)
}

// swap puts the finished <dir>/index.neu in the place of <dir>/index.
func (x *Index) swap() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.idx != nil {
		if err := x.idx.Close(); err != nil {
			return fmt.Errorf("close old search index: %w", err)
		}
		x.idx = nil
	}
	live, old := x.path("index"), x.path("index.alt")
	os.RemoveAll(old)
	if _, err := os.Stat(live); err == nil {
		if err := os.Rename(live, old); err != nil {
			return fmt.Errorf("swap search index: %w", err)
		}
	}
	if err := os.Rename(x.path("index.neu"), live); err != nil {
		return fmt.Errorf("swap search index: %w", err)
	}
	os.RemoveAll(old)
	idx, err := bleve.Open(live)
	if err != nil {
		return fmt.Errorf("open new search index: %w", err)
	}
	x.idx = idx
	return x.refreshVocab()
}

// maxInquiries bounds the inquiries read for questions in one pass.
const maxInquiries = 100_000

// indexQuestions replaces the question documents by those of the public
// inquiries now: a question that is gone or no longer public is deleted.
func (x *Index) indexQuestions(ctx context.Context, idx bleve.Index) error {
	if x.inq == nil {
		return nil
	}
	ctx = publicContext(ctx)
	keep := map[string]bool{}
	for offset := 0; offset < maxInquiries; offset += buildPage {
		list, err := x.inq.FindInquiries(ctx, ratsinfo.InquiryFilter{Limit: buildPage, Offset: offset})
		if err != nil {
			return fmt.Errorf("index questions: %w", err)
		}
		b := idx.NewBatch()
		for _, d := range questions(list) {
			keep[d.id] = true
			if err := b.Index(d.id, d.fields()); err != nil {
				return fmt.Errorf("index questions: %s: %w", d.id, err)
			}
		}
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("index questions: %w", err)
		}
		if len(list) < buildPage {
			break
		}
	}
	old, err := idsOfKind(idx, ratsinfo.SearchQuestion)
	if err != nil {
		return err
	}
	b := idx.NewBatch()
	for _, id := range old {
		if !keep[id] {
			b.Delete(id)
		}
	}
	if b.Size() > 0 {
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("delete old questions: %w", err)
		}
	}
	return nil
}

// idsOfKind lists the document ids of one kind.
func idsOfKind(idx bleve.Index, kind string) ([]string, error) {
	q := bleve.NewTermQuery(kind)
	q.SetField(fieldKind)
	var out []string
	for from := 0; ; from += 10_000 {
		req := bleve.NewSearchRequestOptions(q, 10_000, from, false)
		res, err := idx.Search(req)
		if err != nil {
			return nil, fmt.Errorf("list %s documents: %w", kind, err)
		}
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		if len(res.Hits) < 10_000 {
			return out, nil
		}
	}
}
