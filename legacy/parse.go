package legacy

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Patterns of the structure. Dates in the Beratungsfolge are numeric; the
// roles are the glossary's.
var (
	questionRe   = regexp.MustCompile(`^(?:(Frage)\s+(\d{1,3})(?:\s*[:.)]|\s|$)|(\d{1,3})\s*\)|(\d{1,3})\.(?:\s|$))\s*(.*)$`)
	unnumberedRe = regexp.MustCompile(`^(Frage\s*:)\s*(.*)$`)
	pointRe      = regexp.MustCompile(`^([a-z])\s*\)\s*(.*)$`)
	zuQuestionRe = regexp.MustCompile(`^(Zu\s+(?:Frage\s+)?(\d{1,3})(?:\s*[).:])+|Zu\s+Frage\s+(\d{1,3})(?:\s|$))\s*(.*)$`)
	zuPointRe    = regexp.MustCompile(`^(Zu)\s+(?:(\d{1,3})\s*)?([a-z])((?:\s*[).:])+)\s*(.*)$`)
	answerRe     = regexp.MustCompile(`^(Antwort(?:\s+der\s+Verwaltung)?\s*(?::|$))\s*(.*)$`)
	factsRe      = regexp.MustCompile(`^((?:Sachverhalt|Begründung)\s*(?::|$))\s*(.*)$`)
	rowRe        = regexp.MustCompile(`^(.+?)\s+(\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))\s+(Anhörung|Vorberatung|Entscheidung|Kenntnisnahme)$`)
	referenceRe  = regexp.MustCompile(`^(?:(.*\S)\s+)?((?:Vorlagen?|Drucksachen?)(?:-|\s)(?:Nr\.\s*:?|Nr\s*:|Nummer\s*:|Nr\s|Nummer\s)|(?:Vorlage|Drucksache)\s*:)\s*(\S.*)$`)
	typeLineRe   = regexp.MustCompile(`^(?:Mitteilungsvorlage|Beschlussvorlage|Beantwortung einer Anfrage|Anfrage)$`)
	dateLineRe   = regexp.MustCompile(`^Datum(?:\s*:\s*|\s+)` + dateExpr + `$`)
	leadInRe     = regexp.MustCompile(`^(?:Exkurs|Erläuterung|Hinweis|Anmerkung|Vorbemerkung|Hintergrund|Zur Einordnung|Zum Hintergrund|Zur Erläuterung)\b`)
)

// labelWords are the words structure lines consist of; CheckWords accepts
// these, numbers and single letters as labels, nothing else.
var labelWords = map[string]bool{
	"beratungsfolge": true, "sitzungstermin": true, "sitzung": true, "datum": true, "zuständigkeit": true,
	"gremium": true, "rolle": true, "status": true, "termin": true, "sachverhalt": true, "begründung": true,
	"antwort": true, "der": true, "verwaltung": true, "frage": true, "zu": true, "mitteilungsvorlage": true,
	"beschlussvorlage": true, "beantwortung": true, "einer": true, "anfrage": true, "vorlage": true,
	"vorlagen": true, "drucksache": true, "drucksachen": true, "nr": true, "nummer": true,
}

// Parse recognises the structure of the text of a legacy document. It never
// fails: what it cannot recognise it reports in Warnings, and every word of
// text stays in the Document (see CheckWords).
func Parse(text string) *Document {
	d := &Document{}
	s, invalid, controls := normalise(text)
	if strings.TrimSpace(s) == "" {
		d.Warnings = append(d.Warnings, "Das Dokument enthält keinen Text. Ist es ein gescanntes PDF ohne Textebene, "+
			"braucht es zuerst eine Texterkennung (OCR), z. B. mit ocrmypdf.")
		return d
	}
	if n := utf8.RuneCountInString(s); invalid+controls > 8 && (invalid+controls)*50 > n {
		d.Warnings = append(d.Warnings, "Das Dokument enthält viele ungültige oder Steuerzeichen: es ist wohl keine Textdatei. "+
			"Bitte die Textfassung oder das PDF des Dokuments verwenden.")
	} else if invalid > 0 {
		d.Warnings = append(d.Warnings, "Das Dokument enthält ungültige Zeichen; sie wurden durch Leerzeichen ersetzt.")
	}
	lines, removed := removeFurniture(cleanLines(s))
	d.Removed = removed
	lines = joinHyphenated(lines)
	p := &parser{d: d, expect: 1}
	p.run(splitBlocks(lines))
	p.finish()
	return d
}

// block is a run of content lines between blank lines or structure markers.
type block struct {
	lines []string
	// soft: the block continues the previous paragraph: no blank line came
	// between them, or the previous line ended mid-sentence (pdftotext puts
	// blank lines into paragraphs).
	soft bool
}

func splitBlocks(lines []string) []block {
	var blocks []block
	blank, prevTerminal := true, true
	for _, l := range lines {
		if l == "" {
			blank = true
			continue
		}
		if len(blocks) == 0 || blank || markerish(l) || answerRe.MatchString(l) {
			blocks = append(blocks, block{soft: len(blocks) > 0 && (!blank || !prevTerminal)})
		}
		b := &blocks[len(blocks)-1]
		b.lines = append(b.lines, l)
		blank, prevTerminal = false, terminal(l)
	}
	return blocks
}

type state int

const (
	inHeader state = iota
	inBody
	inQuestion
	inAnswer
)

// qbuild collects one question as paragraphs.
type qbuild struct {
	number      string
	text        []string
	explanation []string
	answer      []string
	points      []*pbuild
	closed      bool // the question's own words ended ("?"), its answer follows
	explaining  bool
}

type pbuild struct {
	label        string
	text, answer []string
}

type parser struct {
	d         *Document
	state     state
	expect    int // the number the next question must carry
	text      []string
	questions []*qbuild
	q         *qbuild   // the question being read
	sink      *[]string // where answer paragraphs go
	titleSet  bool
	// tableAhead: the document has a Beratungsfolge; text before it is the
	// letterhead, the title follows it. tableSeen: it has been read.
	tableAhead, tableSeen bool
}

func (p *parser) label(s string) {
	if s = strings.TrimSpace(s); s != "" {
		p.d.Labels = append(p.d.Labels, s)
	}
}

func (p *parser) warn(format string, args ...any) {
	p.d.Warnings = append(p.d.Warnings, fmt.Sprintf(format, args...))
}

func (p *parser) run(blocks []block) {
	for _, b := range blocks {
		for _, l := range b.lines {
			if isTableHeader(l) || isRow(l) {
				p.tableAhead = true
			}
		}
	}
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if p.state == inHeader {
			p.header(b.lines)
			continue
		}
		lines := append([]string(nil), b.lines...)
		// A paragraph goes on in the next block unless that block starts
		// structure the current state expects.
		for i+1 < len(blocks) && blocks[i+1].soft && !p.structural(lines[0], blocks[i+1].lines[0]) {
			i++
			lines = append(lines, blocks[i].lines...)
		}
		if !b.soft {
			p.checkNumbering(lines[0])
		}
		p.block(lines)
	}
}

// structural reports whether line l, following a block that starts with
// line first, starts something the parser takes as structure: it looks at
// the state the parser will be in after first (a question marker expects the
// next number and the point a), a point marker the next letter).
func (p *parser) structural(first, l string) bool {
	expect, next, closed := p.expect, "", false
	var points []*pbuild
	if p.q != nil {
		next, closed, points = p.nextPoint(), p.q.closed, p.q.points
	}
	if _, ok := p.questionMarkerFor(first, expect); ok {
		expect, next, closed, points = expect+1, "a", false, nil
	} else if m := pointRe.FindStringSubmatch(first); m != nil && m[1] == next {
		next = string(rune(m[1][0] + 1))
	}
	if _, ok := p.questionMarkerFor(l, expect); ok {
		return true
	}
	if m := pointRe.FindStringSubmatch(l); m != nil {
		if m[1] == next {
			return true
		}
		for _, pt := range points {
			if closed && pt.label == m[1] {
				return true
			}
		}
	}
	if zuQuestionRe.MatchString(l) || zuPointRe.MatchString(l) {
		return p.q != nil || expect > p.expect
	}
	return answerRe.MatchString(l) || factsRe.MatchString(l) || unnumberedRe.MatchString(l)
}

// checkNumbering warns about a line that looks like a numbered question but
// does not carry the expected number: its words stay where they are.
func (p *parser) checkNumbering(l string) {
	m := questionRe.FindStringSubmatch(l)
	if m == nil || p.state == inHeader {
		return
	}
	if _, ok := p.questionMarker(l); ok {
		return
	}
	n := firstNonEmpty(m[2], m[3], m[4])
	if n == "" || m[4] != "" && !startsWithLetter(m[5]) {
		return
	}
	p.warn("Die Zeile „%s“ sieht aus wie Frage %s, erwartet war Frage %d; sie wurde als Text übernommen.", excerpt(l), n, p.expect)
}

// questionMarker reads the marker of the expected next question: "3)", "3.",
// "Frage 3:". It returns the label words (without the number) and the rest.
func (p *parser) questionMarker(l string) (marker, bool) { return p.questionMarkerFor(l, p.expect) }

func (p *parser) questionMarkerFor(l string, expect int) (marker, bool) {
	m := questionRe.FindStringSubmatch(l)
	if m == nil {
		return marker{}, false
	}
	n := firstNonEmpty(m[2], m[3], m[4])
	if m[4] != "" && !startsWithLetter(m[5]) {
		return marker{}, false // "1.374,64 €", "4. 5. 2023": a number, no question
	}
	if v, err := strconv.Atoi(n); err != nil || v != expect {
		return marker{}, false
	}
	return marker{label: m[1], number: n, rest: m[5]}, true
}

type marker struct{ label, number, rest string }

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s == "" || strings.ContainsRune("„\"'»(", r) || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// header reads the lines before the body: the Beratungsfolge, the reference,
// the paper type and the title.
func (p *parser) header(lines []string) {
	for k, l := range lines {
		switch {
		case isTableHeader(l):
			p.label(l)
			p.tableSeen = true
		case isRow(l):
			p.tableSeen = true
			m := rowRe.FindStringSubmatch(l)
			p.d.Consultations = append(p.d.Consultations, Consultation{Organization: m[1], Date: parseDate(m[2]), Role: m[3]})
			p.label(m[2])
		case referenceRe.MatchString(l) && p.d.Reference == "":
			m := referenceRe.FindStringSubmatch(l)
			p.letterhead(m[1])
			p.label(m[2])
			p.d.Reference = m[3]
		case typeLineRe.MatchString(l):
			p.label(l)
			p.d.PaperType = l
		case dateLineRe.MatchString(l):
			p.label(l)
		default:
			rest := lines[k:]
			if _, ok := p.questionMarker(l); ok || factsRe.MatchString(l) || unnumberedRe.MatchString(l) || p.titleSet {
				p.state = inBody
				p.block(rest)
				return
			}
			if p.tableAhead && !p.tableSeen {
				p.letterhead(joinLines(rest))
				return
			}
			p.d.Title = joinLines(rest)
			p.titleSet = true
			return
		}
	}
}

// letterhead keeps text before the Beratungsfolge: the name of the city and
// the like.
func (p *parser) letterhead(s string) {
	if s == "" {
		return
	}
	if p.d.Header != "" {
		p.d.Header += "\n"
	}
	p.d.Header += s
}

// isRow reports whether l is a row of the Beratungsfolge; the regular
// expression runs only on lines that end in a role.
func isRow(l string) bool {
	for _, r := range []string{"Anhörung", "Vorberatung", "Entscheidung", "Kenntnisnahme"} {
		if strings.HasSuffix(l, r) {
			return rowRe.MatchString(l)
		}
	}
	return false
}

func isTableHeader(l string) bool {
	return strings.Contains(l, "Beratungsfolge") && onlyLabelWords(l)
}

func onlyLabelWords(l string) bool {
	for _, w := range words(l) {
		if !labelWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// block handles one paragraph (or the start of one) outside the header.
func (p *parser) block(lines []string) {
	first := lines[0]
	if m, ok := p.questionMarker(first); ok {
		p.startQuestion(m.label, m.number, restLines(m.rest, lines))
		return
	}
	if m := factsRe.FindStringSubmatch(first); m != nil && p.q == nil {
		p.label(m[1])
		if rest := restLines(m[2], lines); len(rest) > 0 {
			p.text = append(p.text, joinLines(rest))
		}
		p.state = inBody
		return
	}
	if m := unnumberedRe.FindStringSubmatch(first); m != nil && p.state != inQuestion {
		p.startQuestion(m[1], "", restLines(m[2], lines))
		return
	}
	switch p.state {
	case inBody:
		p.text = append(p.text, joinLines(lines))
	case inQuestion:
		p.inQuestion(lines)
	case inAnswer:
		p.inAnswer(lines)
	}
}

// restLines is lines with its first line replaced by rest (the first line
// after its marker), dropped if empty.
func restLines(rest string, lines []string) []string {
	out := make([]string, 0, len(lines))
	if rest != "" {
		out = append(out, rest)
	}
	return append(out, lines[1:]...)
}

func (p *parser) startQuestion(label, number string, lines []string) {
	p.closeQuestion()
	p.label(label)
	p.q = &qbuild{number: number}
	p.questions = append(p.questions, p.q)
	if number != "" {
		p.expect++
	}
	p.state = inQuestion
	if len(lines) > 0 {
		p.questionContent(lines)
	}
}

func (p *parser) nextPoint() string {
	return string(rune('a' + len(p.q.points)))
}

func (p *parser) pointIndex(label string) int {
	for i, pt := range p.q.points {
		if pt.label == label {
			return i
		}
	}
	return -1
}

// currentText is where the question's own words go: the last sub-point or the
// question.
func (p *parser) currentText() *[]string {
	if n := len(p.q.points); n > 0 {
		return &p.q.points[n-1].text
	}
	return &p.q.text
}

func (p *parser) inQuestion(lines []string) {
	first := lines[0]
	if m := pointRe.FindStringSubmatch(first); m != nil && m[1] == p.nextPoint() {
		p.q.points = append(p.q.points, &pbuild{label: m[1]})
		p.q.explaining = false
		if rest := restLines(m[2], lines); len(rest) > 0 {
			p.questionContent(rest)
		}
		return
	}
	if m := answerRe.FindStringSubmatch(first); m != nil {
		p.label(m[1])
		p.q.closed = true
		p.state = inAnswer
		p.sink = &p.q.answer
		if rest := restLines(m[2], lines); len(rest) > 0 {
			*p.sink = append(*p.sink, joinLines(rest))
		}
		return
	}
	if zuQuestionRe.MatchString(first) || zuPointRe.MatchString(first) {
		p.q.closed = true
		p.state = inAnswer
		p.sink = &p.q.answer
		p.inAnswer(lines)
		return
	}
	p.questionContent(lines)
}

// questionContent takes a paragraph of the question. A paragraph with a
// question mark ends the question; the lines after the last line ending in
// "?" are the start of the answer. A paragraph that opens with "Exkurs",
// "Hinweis" and the like, and those after it without a question mark, are an
// explanation put between parts of the question.
func (p *parser) questionContent(lines []string) {
	k := -1
	for i, l := range lines {
		if strings.Contains(l, "?") {
			k = i
		}
	}
	if k < 0 {
		if p.q.explaining || leadInRe.MatchString(lines[0]) {
			p.q.explaining = true
			p.q.explanation = append(p.q.explanation, joinLines(lines))
			return
		}
		t := p.currentText()
		*t = append(*t, joinLines(lines))
		return
	}
	own, answer := lines, []string(nil)
	if endsWithQuestionMark(lines[k]) && k < len(lines)-1 {
		own, answer = lines[:k+1], lines[k+1:]
	}
	t := p.currentText()
	*t = append(*t, joinLines(own))
	p.q.closed = true
	p.q.explaining = false
	p.state = inAnswer
	p.sink = &p.q.answer
	if len(answer) > 0 {
		*p.sink = append(*p.sink, joinLines(answer))
	}
}

func endsWithQuestionMark(l string) bool {
	return strings.HasSuffix(strings.TrimRight(l, ")\"“”»«' "), "?")
}

func (p *parser) inAnswer(lines []string) {
	first := lines[0]
	noAnswerYet := len(p.q.answer) == 0 && !p.anyPointAnswer()
	if m := pointRe.FindStringSubmatch(first); m != nil {
		if m[1] == p.nextPoint() && noAnswerYet {
			p.state = inQuestion
			p.q.closed = false
			p.inQuestion(lines)
			return
		}
		if i := p.pointIndex(m[1]); i >= 0 {
			p.label(m[1] + ")")
			p.sink = &p.q.points[i].answer
			if rest := restLines(m[2], lines); len(rest) > 0 {
				*p.sink = append(*p.sink, joinLines(rest))
			}
			return
		}
	}
	if m := zuQuestionRe.FindStringSubmatch(first); m != nil {
		n, _ := strconv.Atoi(firstNonEmpty(m[2], m[3]))
		if q := p.numbered(n); q != nil {
			p.label(m[1])
			p.q = q
			p.sink = &q.answer
			if rest := restLines(m[4], lines); len(rest) > 0 {
				*p.sink = append(*p.sink, joinLines(rest))
			}
			return
		}
	}
	if m := zuPointRe.FindStringSubmatch(first); m != nil {
		if q, i := p.zuPoint(m); q != nil {
			p.q = q
			p.sink = &q.points[i].answer
			if rest := restLines(m[5], lines); len(rest) > 0 {
				*p.sink = append(*p.sink, joinLines(rest))
			}
			return
		}
	}
	if m := answerRe.FindStringSubmatch(first); m != nil {
		p.label(m[1])
		if rest := restLines(m[2], lines); len(rest) > 0 {
			*p.sink = append(*p.sink, joinLines(rest))
		}
		return
	}
	// A further question paragraph before any answer: "…? \n\n Und wie …?"
	if noAnswerYet && endsWithQuestionMark(lines[len(lines)-1]) {
		t := p.currentText()
		*t = append(*t, joinLines(lines))
		return
	}
	*p.sink = append(*p.sink, joinLines(lines))
}

// zuPoint finds the sub-point that "Zu a):" or "Zu 3 b):" (match m of
// zuPointRe) answers, labels the marker and returns the question and the
// point's index, or nil if the marker answers nothing known.
func (p *parser) zuPoint(m []string) (*qbuild, int) {
	q := p.q
	if m[2] != "" {
		n, _ := strconv.Atoi(m[2])
		q = p.numbered(n)
	}
	if q == nil {
		return nil, 0
	}
	for i, pt := range q.points {
		if pt.label == m[3] {
			p.label(strings.TrimSuffix(m[0], m[5]))
			return q, i
		}
	}
	if m[2] != "" {
		return nil, 0 // "Zu 3 b)" for a point question 3 does not have: text
	}
	// An answer to a sub-point the question did not list: the point is made;
	// the letter is its label, the rest of the marker a label of structure.
	p.label(m[1] + m[4])
	q.points = append(q.points, &pbuild{label: m[3]})
	return q, len(q.points) - 1
}

func (p *parser) anyPointAnswer() bool {
	for _, pt := range p.q.points {
		if len(pt.answer) > 0 {
			return true
		}
	}
	return false
}

// numbered returns the question that carries number n, or nil.
func (p *parser) numbered(n int) *qbuild {
	for _, q := range p.questions {
		if q.number == strconv.Itoa(n) {
			return q
		}
	}
	return nil
}

// closeQuestion ends the current question. A question whose end was not
// recognisable (no question mark, no "Antwort:") keeps its first paragraph;
// the rest is taken as its answer, with a warning.
func (p *parser) closeQuestion() {
	q := p.q
	if q == nil || q.closed {
		return
	}
	q.closed = true
	if len(q.points) == 0 && len(q.text) > 1 && len(q.answer) == 0 {
		q.answer = append(q.answer, q.text[1:]...)
		q.text = q.text[:1]
		p.warn("Bei Frage %s war das Ende der Frage nicht zu erkennen (kein Fragezeichen, kein „Antwort:“): "+
			"der erste Absatz wurde als Frage genommen, der Rest als Antwort. Bitte prüfen.", displayNumber(q.number))
	}
}

func displayNumber(n string) string {
	if n == "" {
		return "(ohne Nummer)"
	}
	return n
}

// finish turns what was collected into the Document's fields.
func (p *parser) finish() {
	p.closeQuestion()
	d := p.d
	if len(p.questions) == 0 {
		p.unnumberedQuestion()
	}
	d.Text = strings.Join(p.text, "\n\n")
	for _, q := range p.questions {
		out := Question{Number: q.number, Text: strings.Join(q.text, "\n\n"),
			Explanation: strings.Join(q.explanation, "\n\n"), Answer: strings.Join(q.answer, "\n\n")}
		for _, pt := range q.points {
			out.Points = append(out.Points, Point{Label: pt.label, Text: strings.Join(pt.text, "\n\n"), Answer: strings.Join(pt.answer, "\n\n")})
		}
		d.Questions = append(d.Questions, out)
		if out.FullAnswer() == "" {
			p.warn("Zu Frage %s wurde keine Antwort gefunden.", displayNumber(q.number))
		}
	}
	if d.Title != "" {
		typ := d.PaperType
		d.parseTitle()
		if typ != "" && d.PaperType == "" {
			d.PaperType = typ
		}
		if d.Subject == "" {
			p.warn("Im Titel „%s“ waren Fragesteller, Thema und Datum nicht zu erkennen.", excerpt(d.Title))
		}
	} else {
		p.warn("Kein Titel gefunden.")
	}
	if len(d.Consultations) == 0 {
		p.warn("Keine Beratungsfolge gefunden (Gremium, Sitzungstermin, Zuständigkeit).")
	}
	if len(d.Questions) == 0 {
		if d.PaperType == "" || d.PaperType == PaperTypeAnswer || d.PaperType == PaperTypeInquiry {
			if d.PaperType == "" {
				d.PaperType = PaperTypeInformation
			}
		}
		p.warn("Keine Fragen gefunden: das Dokument ist keine Beantwortung einer Anfrage (erkannt als %s). "+
			"Es kann nicht als Anfrage importiert werden.", d.PaperType)
	} else if d.PaperType == "" {
		d.PaperType = PaperTypeAnswer
	}
}

// unnumberedQuestion finds the question of an answer that did not number it:
// the first paragraph of the body ending in "?"; the paragraphs after it are
// the answer.
func (p *parser) unnumberedQuestion() {
	for i, para := range p.text {
		if !endsWithQuestionMark(para) {
			continue
		}
		q := &qbuild{text: []string{para}, answer: append([]string(nil), p.text[i+1:]...), closed: true}
		p.questions = append(p.questions, q)
		p.text = p.text[:i]
		p.warn("Die Frage war nicht nummeriert; der erste Absatz mit Fragezeichen wurde als Frage genommen, der Rest als Antwort.")
		return
	}
}

// joinLines makes one paragraph of lines; list items keep their own line.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			if isListItem(l) {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func isListItem(l string) bool {
	return strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "• ") || strings.HasPrefix(l, "– ") || strings.HasPrefix(l, "* ")
}

// excerpt shortens s for a warning.
func excerpt(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}
