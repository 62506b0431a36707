package ratsinfo

import "context"

// Search kinds: what a hit is. The values are the API's `type`.
const (
	SearchPaper        = "paper"
	SearchMeeting      = "meeting"
	SearchAgendaItem   = "agendaItem"
	SearchPerson       = "person"
	SearchOrganization = "organization"
	SearchQuestion     = "question"
)

// SearchKinds lists the kinds of hits in the order the website offers them as filters.
func SearchKinds() []string {
	return []string{SearchPaper, SearchQuestion, SearchMeeting, SearchAgendaItem, SearchPerson, SearchOrganization}
}

// SearchKindGerman names a kind of hit as the search page shows it.
func SearchKindGerman(k string) string {
	switch k {
	case SearchPaper:
		return "Vorlagen"
	case SearchMeeting:
		return "Sitzungen"
	case SearchAgendaItem:
		return "Tagesordnungspunkte"
	case SearchPerson:
		return "Personen"
	case SearchOrganization:
		return "Gremien"
	case SearchQuestion:
		return "Fragen aus Anfragen"
	}
	return k
}

// Limits of a search: a query longer than MaxSearchText is cut (with a hint),
// a page never holds more than MaxSearchLimit hits, and paging stops at
// MaxSearchOffset (deep pages of a relevance ranking help nobody and cost the
// most).
const (
	MaxSearchText   = 500
	MaxSearchLimit  = 100
	MaxSearchOffset = 1000
)

// SearchQuery is what a visitor asks: the words as typed and the filters.
type SearchQuery struct {
	Text   string
	Kind   string // "" for all kinds, else one of SearchKinds
	Year   int    // 0 for all years
	ByDate bool   // newest first instead of by relevance
	Offset int
	Limit  int // 0: 20
}

// SearchHit is one found object. Snippet is HTML: the matched words in <mark>,
// everything else escaped.
type SearchHit struct {
	Kind      string
	ID        int64 // the object's id; for a question, the inquiry's
	Number    int   // for a question, its number in the inquiry
	Name      string
	Reference string
	Date      Date
	Path      string // the page on the website, e.g. /vorlagen/42 or /anfragen/3#frage-2
	Snippet   string
	// Kind of the OParl object behind the hit ("" for questions, which have none).
	OParlKind Kind
}

// SearchFacet is one value of a filter with how many hits it has.
type SearchFacet struct {
	Value string
	Count int
}

// SearchResult is one page of hits, the total, the counts per kind and year,
// and German help: a "meinten Sie" suggestion when nothing is found, a hint when
// the query had to be read differently than typed.
type SearchResult struct {
	Total      int
	Hits       []SearchHit
	Kinds      []SearchFacet
	Years      []SearchFacet
	Suggestion string
	Hints      []string
}

// Searcher answers searches over what the public may see. A searcher that is
// not ready yet (the index is being built) answers EUNAVAILABLE.
type Searcher interface {
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
}
