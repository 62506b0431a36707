// Package search is the full-text index over what the public may see: papers
// with the text of all their files, questions of inquiries with their answers,
// meetings, agenda items, persons and organizations. It is an embedded bleve
// index in the data folder, fed from the change feed, and it reads the record
// as the anonymous public only, so nothing non-public can ever be found.
//
// German analysis: the "de" analyzer folds umlauts and ß both ways (Straße and
// Strasse, Ausschüsse and Ausschuesse meet in one term) and strips inflection
// (Schulen, Schule; Bäume, Baum). On top of it this package splits compound
// words against the index's own vocabulary at query time (vocab.go), reads
// reference numbers as people type them (reference.go), expands synonyms
// (synonyms.go) and suggests a spelling when nothing is found.
package search

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names of an indexed document.
const (
	fieldKind  = "kind"  // keyword: paper, meeting, …
	fieldTitle = "title" // German text, stored for snippets; weighs most
	fieldBody  = "body"  // German text of files, answers, results; stored for snippets
	fieldRef   = "ref"   // keyword: normalized reference keys (see refKeys)
	fieldWords = "words" // title words only lower-cased: the vocabulary of suggestions
	fieldYear  = "year"  // keyword, for the facet
	fieldDate  = "date"  // keyword YYYY-MM-DD, for sorting by date
	fieldShow  = "show"  // stored only: reference, path and number for the hit
)

// plainAnalyzer lower-cases and splits: the words as people write them.
// prefixAnalyzer also folds umlauts and ß, as the German analyzer does, but
// keeps endings: the form a prefix (Bebauungsplan*) is matched in.
const (
	plainAnalyzer  = "ratsinfo_plain"
	prefixAnalyzer = "ratsinfo_prefix"
)

// newMapping describes the documents: German analysis on title and body,
// keywords for filters, nothing else indexed.
func newMapping() (mapping.IndexMapping, error) {
	m := bleve.NewIndexMapping()
	if err := m.AddCustomAnalyzer(plainAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		return nil, fmt.Errorf("search mapping: %w", err)
	}
	if err := m.AddCustomAnalyzer(prefixAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, de.NormalizeName},
	}); err != nil {
		return nil, fmt.Errorf("search mapping: %w", err)
	}
	m.DefaultAnalyzer = de.AnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false

	doc := bleve.NewDocumentStaticMapping()
	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = de.AnalyzerName
		f.Store = store
		f.IncludeTermVectors = store // the highlighter needs the positions
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(store, docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	words := bleve.NewTextFieldMapping()
	words.Analyzer = plainAnalyzer
	words.Store, words.IncludeTermVectors, words.IncludeInAll, words.DocValues = false, false, false, false
	show := bleve.NewTextFieldMapping()
	show.Index, show.Store, show.IncludeTermVectors, show.IncludeInAll, show.DocValues = false, true, false, false, false

	doc.AddFieldMappingsAt(fieldKind, kw(true, true))
	doc.AddFieldMappingsAt(fieldTitle, text(true))
	doc.AddFieldMappingsAt(fieldBody, text(true))
	doc.AddFieldMappingsAt(fieldRef, kw(false, false))
	doc.AddFieldMappingsAt(fieldWords, words)
	doc.AddFieldMappingsAt(fieldYear, kw(false, true))
	doc.AddFieldMappingsAt(fieldDate, kw(true, true))
	doc.AddFieldMappingsAt(fieldShow, show)
	m.DefaultMapping = doc
	return m, nil
}
