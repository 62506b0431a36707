package search

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
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
// A stem s finds the stems of the vocabulary that contain it, when the part
// before it is at least three letters (plus an optional linking element:
// Fugenelement s, es, e, n, en, er) and the part after it looks like a word:
// known, or four letters that do not start a derivational ending (validTail).
// Words of five letters and more are looked for anywhere in a compound
// (Schutz in Klimaschutzkonzept), shorter ones at its start or end only.
type vocab struct {
	stems    map[string]int // stem → documents (title or body)
	sorted   []string       // stems in order, for prefix scans
	reversed []string       // stems spelled backwards, in order, for suffix scans
	words    map[string]int // title words as written (lower case) → documents
	byLen    map[int][]string

	mu    sync.Mutex
	cache map[string][]string // stem → compounds
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
	// A word of minInfix letters is also found inside compounds
	// (Klimaschutzkonzept for Schutz), by a scan of the whole vocabulary,
	// which is only done up to maxInfixScan stems.
	minInfix     = 5
	maxInfixScan = 300_000
	maxCached    = 10_000
)

// fugen are the German linking elements between the parts of a compound.
var fugen = []string{"", "s", "es", "e", "n", "en", "er"}

func loadVocab(idx bleve.Index) (*vocab, error) {
	v := &vocab{stems: map[string]int{}, words: map[string]int{}, byLen: map[int][]string{}, cache: map[string][]string{}}
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

// compounds returns the stems that contain stem s as a part of a compound,
// most frequent first, at most maxExpansions. The answers are cached for the
// life of the vocabulary.
func (v *vocab) compounds(s string) []string {
	if v == nil || utf8.RuneCountInString(s) < minExpand || hasDigit(s) {
		return nil
	}
	v.mu.Lock()
	out, ok := v.cache[s]
	v.mu.Unlock()
	if ok {
		return out
	}
	out = v.findCompounds(s)
	v.mu.Lock()
	if len(v.cache) < maxCached {
		v.cache[s] = out
	}
	v.mu.Unlock()
	return out
}

func (v *vocab) findCompounds(s string) []string {
	var out []string
	if utf8.RuneCountInString(s) >= minInfix && len(v.sorted) <= maxInfixScan {
		// Any position: schutz → klimaschutzkonzept, baumschutzsatzung.
		for _, t := range v.sorted {
			if i := strings.Index(t, s); i >= 0 && t != s && v.validAround(t[:i], t[i+len(s):]) {
				out = append(out, t)
			}
		}
	} else {
		// s as the first part: radweg → radwegeverbindung.
		i := sort.SearchStrings(v.sorted, s)
		for n := 0; i < len(v.sorted) && n < maxScan && strings.HasPrefix(v.sorted[i], s); i, n = i+1, n+1 {
			if t := v.sorted[i]; t != s && v.validAround("", t[len(s):]) {
				out = append(out, t)
			}
		}
		// s as the last part: strategi → digitalisierungsstrategi.
		rs := reverse(s)
		i = sort.SearchStrings(v.reversed, rs)
		for n := 0; i < len(v.reversed) && n < maxScan && strings.HasPrefix(v.reversed[i], rs); i, n = i+1, n+1 {
			if t := reverse(v.reversed[i]); t != s && v.validAround(t[:len(t)-len(s)], "") {
				out = append(out, t)
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return v.stems[out[a]] > v.stems[out[b]] })
	if len(out) > maxExpansions {
		out = out[:maxExpansions]
	}
	return out
}

// validAround reports whether a compound is the query word with before in
// front and after behind it, each empty or a plausible part. The part before
// the word only modifies it (Bus|haltestelle is a Haltestelle), so any three
// letters do; the part after makes a new thing (Radweg|everbindung), so it
// must look like a word: known, or four letters that are not a derivational
// ending (Plan|ung is no compound of Plan).
func (v *vocab) validAround(before, after string) bool {
	if before != "" && !v.validHead(before) {
		return false
	}
	return after == "" || v.validTail(after)
}

func (v *vocab) validHead(h string) bool {
	for _, f := range fugen {
		if part, ok := strings.CutSuffix(h, f); ok && utf8.RuneCountInString(part) >= minPart {
			return true
		}
	}
	return false
}

func (v *vocab) validTail(rest string) bool {
	for _, f := range fugen {
		part, ok := strings.CutPrefix(rest, f)
		if !ok || utf8.RuneCountInString(part) < minPart || derivation(part) {
			continue
		}
		if v.known(part) || utf8.RuneCountInString(part) >= 4 || v.wordOrCompound(part) {
			return true
		}
	}
	return false
}

// derivational are endings that make a new word of the same stem, not a
// compound: Planung, Schulisch, Freiheit.
var derivational = []string{"ung", "heit", "keit", "lich", "isch", "schaft", "chen", "lein", "ling", "nis", "tum", "ismus", "ier"}

// inflectional are whole rests that are endings, not words.
var inflectional = map[string]bool{"er": true, "en": true, "ern": true, "es": true, "st": true, "te": true, "ten": true,
	"ter": true, "tes": true, "ig": true, "ige": true, "igen": true, "end": true, "ens": true}

func derivation(part string) bool {
	if inflectional[part] {
		return true
	}
	for _, d := range derivational {
		if strings.HasPrefix(part, d) {
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
