package search

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ratsinfo/ratsinfo"
)

// defaultLimit is the page size when the query names none.
const defaultLimit = 20

// Search answers a query over the public index. Bad input is never an error:
// the result carries German hints. An index not built yet is EUNAVAILABLE.
func (x *Index) Search(ctx context.Context, q ratsinfo.SearchQuery) (*ratsinfo.SearchResult, error) {
	res := &ratsinfo.SearchResult{}
	text := strings.ToValidUTF8(q.Text, "")
	if utf8.RuneCountInString(text) > ratsinfo.MaxSearchText {
		text = string([]rune(text)[:ratsinfo.MaxSearchText])
		res.Hints = append(res.Hints, fmt.Sprintf("Die Suche war länger als %d Zeichen und wurde gekürzt.", ratsinfo.MaxSearchText))
	}
	limit, offset := q.Limit, q.Offset
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, ratsinfo.MaxSearchLimit)
	if offset < 0 {
		offset = 0
	}
	if offset > ratsinfo.MaxSearchOffset {
		offset = ratsinfo.MaxSearchOffset
		res.Hints = append(res.Hints, "Weiter als bis zum 1000. Treffer wird nicht geblättert. Bitte grenzen Sie die Suche ein.")
	}

	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.idx == nil {
		return nil, notReady()
	}
	m := x.idx.Mapping()
	b := &builder{de: m.AnalyzerNamed(de.AnalyzerName), prefix: m.AnalyzerNamed(prefixAnalyzer), voc: x.voc.Load(), syn: x.syn}
	main := b.build(text)
	res.Hints = append(res.Hints, b.hints...)
	if main == nil {
		return res, nil
	}
	filters := []query.Query{main}
	if q.Kind != "" {
		filters = append(filters, termIn(q.Kind, fieldKind, 0))
	}
	if q.Year != 0 {
		filters = append(filters, termIn(strconv.Itoa(q.Year), fieldYear, 0))
	}
	var top query.Query = main
	if len(filters) > 1 {
		top = bleve.NewConjunctionQuery(filters...)
	}
	req := bleve.NewSearchRequestOptions(top, limit, offset, false)
	req.Fields = []string{fieldKind, fieldTitle, fieldDate, fieldShow}
	req.Highlight = bleve.NewHighlightWithStyle("html")
	req.Highlight.Fields = []string{fieldTitle, fieldBody}
	if q.ByDate {
		req.SortBy([]string{"-" + fieldDate, "-_score"})
	}
	// Facets count the hits of this query (with its filters) by kind and year.
	req.AddFacet(fieldKind, bleve.NewFacetRequest(fieldKind, 10))
	req.AddFacet(fieldYear, bleve.NewFacetRequest(fieldYear, 50))
	sr, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	res.Total = int(sr.Total)
	for _, h := range sr.Hits {
		res.Hits = append(res.Hits, hitOf(h.ID, h.Fields, h.Fragments))
	}
	if f := sr.Facets[fieldKind]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			res.Kinds = append(res.Kinds, ratsinfo.SearchFacet{Value: t.Term, Count: t.Count})
		}
	}
	if f := sr.Facets[fieldYear]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			res.Years = append(res.Years, ratsinfo.SearchFacet{Value: t.Term, Count: t.Count})
		}
		sort.Slice(res.Years, func(i, j int) bool { return res.Years[i].Value > res.Years[j].Value })
	}
	if res.Total == 0 {
		res.Suggestion = suggestion(text, b)
	}
	return res, nil
}

// hitOf reads a hit from its stored fields.
func hitOf(id string, fields map[string]any, frags map[string][]string) ratsinfo.SearchHit {
	str := func(k string) string { s, _ := fields[k].(string); return s }
	h := ratsinfo.SearchHit{Kind: str(fieldKind), Name: str(fieldTitle)}
	show := strings.Split(str(fieldShow), "\x1f")
	if len(show) == 3 {
		h.Reference, h.Path = show[0], show[1]
		h.Number, _ = strconv.Atoi(show[2])
	}
	h.Date, _ = ratsinfo.ParseDate(str(fieldDate))
	parts := strings.Split(id, "/")
	if len(parts) >= 2 {
		h.ID, _ = strconv.ParseInt(parts[1], 10, 64)
	}
	for _, k := range indexedKinds {
		if k.name == h.Kind {
			h.OParlKind = k.kind
		}
	}
	switch {
	case len(frags[fieldBody]) > 0:
		h.Snippet = frags[fieldBody][0]
	case len(frags[fieldTitle]) > 0:
		h.Snippet = frags[fieldTitle][0]
	}
	return h
}

// suggestion is the query with each unknown word replaced by the closest title
// word, or "" when no word has a close one.
func suggestion(text string, b *builder) string {
	changed := false
	out := text
	for _, w := range b.words {
		if s := b.voc.suggest(w); s != "" {
			out = strings.Replace(out, w, s, 1)
			changed = true
		}
	}
	if !changed {
		return ""
	}
	return out
}
