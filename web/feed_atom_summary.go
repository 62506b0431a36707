package web

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/ratsinfo/ratsinfo"
)

// summaryTextMax is how much of a paper's text an Atom summary carries: the
// first lines, enough to tell what the paper is about in a feed reader, not the
// paper itself (fifty entries of whole texts would make the feed megabytes).
const summaryTextMax = 300

// atomRefs is what the entries' summaries name beyond the papers: their
// originators and the text of their main files.
type atomRefs struct {
	persons  map[int64]*ratsinfo.Person
	orgs     map[int64]*ratsinfo.Organization
	files    map[int64]*ratsinfo.File
	modified time.Time // the newest change of the papers and of all of the above
}

// loadAtomRefs loads the originators and main files of the papers, one store
// call per kind.
func (s *Server) loadAtomRefs(ctx context.Context, papers []*ratsinfo.Paper) (*atomRefs, error) {
	var personIDs, orgIDs, fileIDs []int64
	refs := &atomRefs{}
	for _, p := range papers {
		personIDs = append(personIDs, p.OriginatorPersonIDs...)
		orgIDs = append(orgIDs, p.OriginatorOrganizationIDs...)
		fileIDs = append(fileIDs, p.MainFileID)
		refs.modified = latest(refs.modified, p.Modified)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) { refs.persons, err = s.personsByID(gctx, personIDs); return err })
	g.Go(func() (err error) { refs.orgs, err = s.orgsByID(gctx, orgIDs); return err })
	g.Go(func() (err error) { refs.files, err = s.filesByID(gctx, fileIDs); return err })
	if err := g.Wait(); err != nil {
		return nil, err
	}
	for _, x := range refs.persons {
		refs.modified = latest(refs.modified, x.Modified)
	}
	for _, x := range refs.orgs {
		refs.modified = latest(refs.modified, x.Modified)
	}
	for _, x := range refs.files {
		refs.modified = latest(refs.modified, x.Modified)
	}
	return refs, nil
}

// summary tells a feed reader what the paper is: type, reference and date,
// who submitted it, and the first lines of its text, e.g.
// "Antrag 2023/012 vom 05.03.2023. Eingereicht von: Fraktion A.\n\nDie Stadt …".
func (refs *atomRefs) summary(p *ratsinfo.Paper) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(p.PaperType + " " + p.Reference))
	if !p.Date.IsZero() {
		if b.Len() > 0 {
			b.WriteString(" vom ")
		} else {
			b.WriteString("Vom ")
		}
		b.WriteString(p.Date.German())
	}
	if b.Len() > 0 {
		b.WriteString(".")
	}
	var from []string
	for _, l := range personLinks(p.OriginatorPersonIDs, refs.persons) {
		from = append(from, l.Label)
	}
	for _, l := range orgLinks(p.OriginatorOrganizationIDs, refs.orgs) {
		from = append(from, l.Label)
	}
	if len(from) > 0 {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString("Eingereicht von: " + strings.Join(from, ", ") + ".")
	}
	if f, ok := refs.files[p.MainFileID]; ok {
		if lead := firstLines(f.Text, summaryTextMax); lead != "" {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(lead)
		}
	}
	return b.String()
}

// firstLines is the beginning of a text's prose up to max runes, its
// paragraphs joined by spaces and cut after a whole word with "…" when there is
// more. A paper's letterhead (town, type and reference, date, title, the
// Beratungsfolge) repeats what the summary already says, so the lines before
// the first sentence are skipped; a text without one is taken from its start.
func firstLines(text string, max int) string {
	text = clipText(text, letterheadMax)
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, l := range lines {
		if isSentence(l) {
			text = strings.Join(lines[i:], "\n")
			break
		}
	}
	more := len(text) > 4*max
	lead := strings.Join(strings.Fields(strings.Join(paragraphs(clipText(text, 4*max)), " ")), " ")
	if !more && utf8.RuneCountInString(lead) <= max {
		return lead
	}
	cut := lead
	if utf8.RuneCountInString(cut) > max {
		cut = string([]rune(cut)[:max])
	}
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:–-") + " …"
}

// letterheadMax bounds how far into a text firstLines looks for its first sentence.
const letterheadMax = 8 << 10

// isSentence tells prose from a letterhead's lines: three words or more, ending
// like a sentence or a question.
func isSentence(line string) bool {
	line = strings.TrimSpace(line)
	return len(strings.Fields(line)) >= 3 && strings.ContainsAny(line[len(line)-1:], ".?!")
}
