package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// A query as typed: words, "exact phrases", Wort* for a prefix, -Wort to
// exclude. Every word must be found (in the title or the text), in any of its
// forms: inflected, as part of a compound, as a synonym, hyphenated or joined.
// A reference number anywhere in the query finds its paper on its own. Bad
// input never fails: it is read as well as it can be, with a German hint.

// Limits of a query: words beyond maxWords are ignored (with a hint), a
// prefix needs minPrefix letters.
const (
	maxWords  = 32
	minPrefix = 3
)

// Boosts: a word in the title counts more than the same word in the text, an
// exact form more than a compound or a synonym.
const (
	boostTitle    = 4
	boostBody     = 1
	boostCompound = 0.4
	boostSynonym  = 0.7
	boostRef      = 20
)

// token is one piece of a query.
type token struct {
	text    string
	phrase  bool
	exclude bool
	prefix  bool
}

// tokenize splits a query into words and quoted phrases. An unclosed quote
// makes the rest a phrase.
func tokenize(s string) (toks []token, unclosed bool) {
	var cur strings.Builder
	inQuote := false
	flush := func(phrase bool) {
		t := strings.TrimSpace(cur.String())
		cur.Reset()
		if t == "" {
			return
		}
		tk := token{text: t, phrase: phrase}
		if !phrase {
			if strings.HasPrefix(t, "-") && len(t) > 1 {
				tk.exclude, tk.text = true, t[1:]
			}
			if strings.HasSuffix(tk.text, "*") {
				tk.prefix, tk.text = true, strings.TrimRight(tk.text, "*")
			}
			tk.text = strings.Trim(tk.text, "*")
			if tk.text == "" {
				return
			}
		}
		toks = append(toks, tk)
	}
	for _, r := range s {
		switch {
		case r == '"' || r == '„' || r == '“' || r == '”':
			flush(inQuote)
			inQuote = !inQuote
		case unicode.IsSpace(r) && !inQuote:
			flush(false)
		default:
			cur.WriteRune(r)
		}
	}
	flush(inQuote)
	return toks, inQuote
}

// builder turns tokens into a bleve query with the analyzers and vocabulary
// of one index.
type builder struct {
	de, prefix analysis.Analyzer
	voc        *vocab
	syn        *Synonyms
	hints      []string
	words      []string // the plain words, for suggestions
}

func (b *builder) analyze(a analysis.Analyzer, s string) []string {
	var out []string
	for _, t := range a.Analyze([]byte(s)) {
		out = append(out, string(t.Term))
	}
	return out
}

func termIn(term, field string, boost float64) query.Query {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

func phraseIn(terms []string, field string, boost float64) query.Query {
	q := bleve.NewPhraseQuery(terms, field)
	q.SetBoost(boost)
	return q
}

// either is a disjunction of titles and bodies of one form.
func either(qs ...query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// stemQuery finds one stem in title or text.
func stemQuery(s string, weight float64) []query.Query {
	return []query.Query{termIn(s, fieldTitle, boostTitle*weight), termIn(s, fieldBody, boostBody*weight)}
}

// wordQuery is everything a plain word finds; nil when it is a stop word.
func (b *builder) wordQuery(w string, synonyms bool) query.Query {
	stems := b.analyze(b.de, w)
	var alts []query.Query
	switch len(stems) {
	case 0:
		// A stop word; a synonym group may still know it (e.g. "Rat").
	case 1:
		s := stems[0]
		alts = append(alts, stemQuery(s, 1)...)
		for _, c := range b.voc.compounds(s) {
			alts = append(alts, stemQuery(c, boostCompound)...)
		}
		if b.voc != nil {
			// Joined where the texts write two words: SmartCity → smart city.
			if parts := b.voc.split(s); parts != nil {
				alts = append(alts, phraseIn(parts, fieldTitle, boostTitle), phraseIn(parts, fieldBody, boostBody))
			}
		}
	default:
		// Hyphenated (Smart-City) or mixed (A23): the parts in a row, or joined.
		alts = append(alts, phraseIn(stems, fieldTitle, boostTitle), phraseIn(stems, fieldBody, boostBody))
		joined := strings.Join(stems, "")
		if b.voc != nil && b.voc.known(joined) {
			alts = append(alts, stemQuery(joined, 1)...)
		}
	}
	if synonyms {
		for _, m := range b.syn.Of(w) {
			if q := b.synonymQuery(m); q != nil {
				q.(query.BoostableQuery).SetBoost(boostSynonym)
				alts = append(alts, q)
			}
		}
	}
	if len(alts) == 0 {
		return nil
	}
	return either(alts...)
}

// synonymQuery finds a synonym: a single word in all its forms, several words
// as a phrase.
func (b *builder) synonymQuery(m string) query.Query {
	if len(strings.Fields(m)) > 1 || strings.ContainsAny(m, "-") {
		return b.phraseQuery(m)
	}
	return b.wordQuery(m, false)
}

// phraseQuery finds the words of p in this order, in title or text.
func (b *builder) phraseQuery(p string) query.Query {
	stems := b.analyze(b.de, p)
	if len(stems) == 0 {
		return nil
	}
	if len(stems) == 1 {
		return either(stemQuery(stems[0], 1)...)
	}
	t := bleve.NewMatchPhraseQuery(p)
	t.SetField(fieldTitle)
	t.SetBoost(boostTitle)
	x := bleve.NewMatchPhraseQuery(p)
	x.SetField(fieldBody)
	return either(t, x)
}

// prefixQuery finds the words that begin with w (Bebauungsplan*).
func (b *builder) prefixQuery(w string) query.Query {
	forms := b.analyze(b.prefix, w)
	if len(forms) != 1 || utf8.RuneCountInString(forms[0]) < minPrefix {
		b.hints = append(b.hints, "„"+w+"*“: Eine Suche nach dem Wortanfang braucht mindestens drei Buchstaben vor dem Sternchen; gesucht wurde das Wort selbst.")
		return b.wordQuery(w, true)
	}
	t := bleve.NewPrefixQuery(forms[0])
	t.SetField(fieldTitle)
	t.SetBoost(boostTitle)
	x := bleve.NewPrefixQuery(forms[0])
	x.SetField(fieldBody)
	return either(t, x)
}

// excludeQuery is what -w rules out.
func (b *builder) excludeQuery(w string) query.Query {
	stems := b.analyze(b.de, w)
	if len(stems) == 0 {
		return nil
	}
	if len(stems) > 1 {
		return either(phraseIn(stems, fieldTitle, 1), phraseIn(stems, fieldBody, 1))
	}
	return either(stemQuery(stems[0], 1)...)
}

// build returns the query for text, or nil when nothing searchable is left.
func (b *builder) build(text string) query.Query {
	toks, unclosed := tokenize(text)
	if unclosed {
		b.hints = append(b.hints, "Ein Anführungszeichen war nicht geschlossen; die Wörter danach wurden als genaue Wortgruppe gesucht.")
	}
	if len(toks) > maxWords {
		b.hints = append(b.hints, "Die Suche hatte mehr als 32 Wörter; die weiteren wurden nicht berücksichtigt.")
		toks = toks[:maxWords]
	}
	var must, not []query.Query
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var q query.Query
		switch {
		case t.exclude:
			if x := b.excludeQuery(t.text); x != nil {
				not = append(not, x)
			}
			continue
		case t.phrase:
			q = b.phraseQuery(t.text)
			if syn := b.syn.Of(t.text); len(syn) > 0 && q != nil {
				alts := []query.Query{q}
				for _, m := range syn {
					if s := b.synonymQuery(m); s != nil {
						alts = append(alts, s)
					}
				}
				q = either(alts...)
			}
		case t.prefix:
			q = b.prefixQuery(t.text)
		default:
			b.words = append(b.words, t.text)
			q = b.wordQuery(t.text, true)
			// Two words the texts write as one: Smart City → SmartCity.
			if q != nil && i+1 < len(toks) && plain(toks[i+1]) {
				if j := b.joined(t.text, toks[i+1].text); j != nil {
					if q2 := b.wordQuery(toks[i+1].text, true); q2 != nil {
						b.words = append(b.words, toks[i+1].text)
						q = either(bleve.NewConjunctionQuery(q, q2), j)
						i++
					}
				}
			}
		}
		if q != nil {
			must = append(must, q)
		}
	}
	refs := queryRefKeys(text)
	var refQ []query.Query
	for _, k := range refs {
		refQ = append(refQ, termIn(k, fieldRef, boostRef))
	}
	var main query.Query
	switch {
	case len(must) > 0 && len(refQ) > 0:
		main = either(bleve.NewConjunctionQuery(must...), either(refQ...))
	case len(must) > 0:
		main = bleve.NewConjunctionQuery(must...)
	case len(refQ) > 0:
		main = either(refQ...)
	default:
		if len(toks) > 0 && len(not) == 0 {
			b.hints = append(b.hints, "Die Suche enthielt nur Füllwörter wie „der“, „und“ oder „von“. Bitte geben Sie ein Stichwort ein, etwa „Radweg“ oder „Haushalt“.")
		} else if len(not) > 0 {
			b.hints = append(b.hints, "Die Suche enthielt nur ausgeschlossene Wörter (mit Minus davor). Bitte geben Sie auch ein Wort an, das vorkommen soll.")
		}
		return nil
	}
	if len(not) == 0 {
		return main
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(main)
	bq.AddMustNot(not...)
	return bq
}

func plain(t token) bool { return !t.phrase && !t.exclude && !t.prefix }

// joined finds two words as the one word the texts may write: only when the
// vocabulary has it.
func (b *builder) joined(w1, w2 string) query.Query {
	s := b.analyze(b.de, w1+w2)
	if len(s) != 1 || b.voc == nil || !b.voc.known(s[0]) {
		return nil
	}
	return either(stemQuery(s[0], 1)...)
}
