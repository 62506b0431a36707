package search

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
)

// vocab is the index's own vocabulary, read from its term dictionaries after
// every change: the stems of titles and bodies, against which compound words
// are split, and the title words as written, from which "meinten Sie"
// suggestions come. It is immutable once built; a new one replaces it.
//
// Decompounding against the vocabulary rather than a word list: a council's
// compounds (Radwegekonzept, Digitalisierungsstrategie, Knotenpunkt) are made
// of its own words, and a word list would miss the local ones (NorderstedtGO).
// A stem s finds the stems that begin or end with it when the rest, after an
// optional linking element (Fugenelement: s, es, e, n, en, er), is itself a
// word of the vocabulary or splits into such words.
type vocab struct {
	stems    map[string]int // stem → documents (title or body)
	sorted   []string       // stems in order, for prefix scans
	reversed []string       // stems spelled backwards, in order, for suffix scans
	words    map[string]int // title words as written (lower case) → documents
	byLen    map[int][]string
}

// Limits of decompounding: parts shorter than minPart are too ambiguous
// ("rat" would find "Ratte"), a query word shorter than minExpand expands to
// nothing, and one word expands to at most maxExpansions compounds.
const (
	minPart       = 3
	minExpand     = 4
	maxExpansions = 64
	maxScan       = 5000 // compounds scanned per word and direction
	maxSplitDepth = 4
)

// fugen are the German linking elements between the parts of a compound.
var fugen = []string{"", "s", "es", "e", "n", "en", "er"}

func loadVocab(idx bleve.Index) (*vocab, error) {
	v := &vocab{stems: map[string]int{}, words: map[string]int{}, byLen: map[int][]string{}}
	for _, field := range []string{fieldTitle, fieldBody} {
		if err := eachTerm(idx, field, func(t string, n int) {
			if n > v.stems[t] {
				v.stems[t] = n
			}
		}); err != nil {
			return nil, err
		}
	}
	if err := eachTerm(idx, fieldWords, func(t string, n int) {
		if utf8.RuneCountInString(t) >= minPart && !hasDigit(t) {
			v.words[t] = n
			l := utf8.RuneCountInString(t)
			v.byLen[l] = append(v.byLen[l], t)
		}
	}); err != nil {
		return nil, err
	}
	v.sorted = make([]string, 0, len(v.stems))
	v.reversed = make([]string, 0, len(v.stems))
	for t := range v.stems {
		if hasDigit(t) {
			continue
		}
		v.sorted = append(v.sorted, t)
		v.reversed = append(v.reversed, reverse(t))
	}
	slices.Sort(v.sorted)
	slices.Sort(v.reversed)
	return v, nil
}

func eachTerm(idx bleve.Index, field string, fn func(term string, count int)) error {
	d, err := idx.FieldDict(field)
	if err != nil {
		return fmt.Errorf("read vocabulary of %s: %w", field, err)
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return fmt.Errorf("read vocabulary of %s: %w", field, err)
		}
		if e == nil {
			return nil
		}
		fn(e.Term, int(e.Count))
	}
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

func reverse(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

// known reports whether t is a word of the vocabulary that may be a part.
func (v *vocab) known(t string) bool {
	return utf8.RuneCountInString(t) >= minPart && v.stems[t] > 0
}

// split returns the parts of t when t is made of two or more known words,
// joined directly or by a linking element; nil when it is not.
func (v *vocab) split(t string) []string {
	return v.splitDepth(t, 0)
}

func (v *vocab) splitDepth(t string, depth int) []string {
	if depth > maxSplitDepth {
		return nil
	}
	runes := []rune(t)
	// Longest known head first: "radwegekonzept" is radweg+e+konzept, not rad+…
	for i := len(runes) - minPart; i >= minPart; i-- {
		head := string(runes[:i])
		if !v.known(head) {
			continue
		}
		rest := string(runes[i:])
		for _, f := range fugen {
			tail, ok := strings.CutPrefix(rest, f)
			if !ok || utf8.RuneCountInString(tail) < minPart {
				continue
			}
			if v.known(tail) {
				return []string{head, tail}
			}
			if parts := v.splitDepth(tail, depth+1); parts != nil {
				return append([]string{head}, parts...)
			}
		}
	}
	return nil
}

// wordOrCompound reports whether t is a known word or splits into known words.
func (v *vocab) wordOrCompound(t string) bool {
	return v.known(t) || v.split(t) != nil
}

// compounds returns the stems that begin or end with stem s as a part of a
// compound, most frequent first, at most maxExpansions.
func (v *vocab) compounds(s string) []string {
	if v == nil || utf8.RuneCountInString(s) < minExpand || hasDigit(s) {
		return nil
	}
	var out []string
	// s as the first part: radweg → radwegekonzept.
	i := sort.SearchStrings(v.sorted, s)
	for n := 0; i < len(v.sorted) && n < maxScan && strings.HasPrefix(v.sorted[i], s); i, n = i+1, n+1 {
		t := v.sorted[i]
		if t != s && v.validRest(t[len(s):], true) {
			out = append(out, t)
		}
	}
	// s as the last part: strategi → digitalisierungsstrategi.
	rs := reverse(s)
	i = sort.SearchStrings(v.reversed, rs)
	for n := 0; i < len(v.reversed) && n < maxScan && strings.HasPrefix(v.reversed[i], rs); i, n = i+1, n+1 {
		t := reverse(v.reversed[i])
		if t != s && v.validRest(t[:len(t)-len(s)], false) {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return v.stems[out[a]] > v.stems[out[b]] })
	if len(out) > maxExpansions {
		out = out[:maxExpansions]
	}
	return out
}

// validRest reports whether rest, the remainder of a compound beside a query
// word, is a word or a compound with its linking element: after the word when
// the word is the head, before it when the word is the tail.
func (v *vocab) validRest(rest string, afterHead bool) bool {
	for _, f := range fugen {
		var part string
		var ok bool
		if afterHead {
			part, ok = strings.CutPrefix(rest, f)
		} else {
			part, ok = strings.CutSuffix(rest, f)
		}
		if ok && utf8.RuneCountInString(part) >= minPart && v.wordOrCompound(part) {
			return true
		}
	}
	return false
}

// suggest returns the title word closest to word (lower case) by edit
// distance, the most frequent among equals; "" when word is known or nothing
// is close. One edit is allowed in words up to 5 letters, two beyond.
func (v *vocab) suggest(word string) string {
	if v == nil {
		return ""
	}
	w := strings.ToLower(word)
	if v.words[w] > 0 {
		return ""
	}
	n := utf8.RuneCountInString(w)
	if n < 4 {
		return ""
	}
	maxDist := 1
	if n > 5 {
		maxDist = 2
	}
	best, bestDist, bestCount := "", maxDist+1, 0
	for l := n - maxDist; l <= n+maxDist; l++ {
		for _, c := range v.byLen[l] {
			d := editDistance(w, c, maxDist)
			if d < bestDist || (d == bestDist && v.words[c] > bestCount) {
				best, bestDist, bestCount = c, d, v.words[c]
			}
		}
	}
	if bestDist > maxDist {
		return ""
	}
	return best
}

// editDistance is the Damerau-Levenshtein distance (adjacent swaps count one)
// of a and b, or max+1 once it is certain to exceed max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
