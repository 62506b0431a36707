package search

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Source is what the index reads: the record and its change feed. Every read
// goes through publicContext, so the store decides what the public may see.
type Source interface {
	ratsinfo.RecordReader
	ratsinfo.ChangeFeed
}

// InquirySource reads the public form of inquiries: their questions and, once
// published, the answers. Nil leaves questions out of the index.
type InquirySource interface {
	FindInquiries(ctx context.Context, f ratsinfo.InquiryFilter) ([]*ratsinfo.Inquiry, error)
}

// publicContext replaces whoever the caller is with the anonymous public:
// the index holds only what everyone may see, whoever builds it.
func publicContext(ctx context.Context) context.Context {
	return ratsinfo.WithViewer(ctx, ratsinfo.Viewer{})
}

// doc is one indexed object, in the fields of newMapping.
type doc struct {
	id     string
	kind   string
	title  string
	body   string
	refs   []string
	date   ratsinfo.Date
	ref    string // as written, for the hit
	path   string
	number int
}

func (d *doc) fields() map[string]any {
	f := map[string]any{
		fieldKind:  d.kind,
		fieldTitle: d.title,
		fieldBody:  d.body,
		fieldWords: d.title,
		fieldShow:  strings.Join([]string{d.ref, d.path, strconv.Itoa(d.number)}, "\x1f"),
	}
	if len(d.refs) > 0 {
		f[fieldRef] = d.refs
	}
	if !d.date.IsZero() {
		f[fieldYear] = strconv.Itoa(d.date.Year)
		f[fieldDate] = d.date.String()
	}
	return f
}

func docID(kind string, id int64) string { return kind + "/" + strconv.FormatInt(id, 10) }

func questionDocID(inquiry int64, number int) string {
	return ratsinfo.SearchQuestion + "/" + strconv.FormatInt(inquiry, 10) + "/" + strconv.Itoa(number)
}

// maxBodyText bounds the text of one document: beyond it a word adds little to
// relevance and much to the index (a 10,000-page attachment).
const maxBodyText = 2 << 20

func joinText(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len()+len(p) > maxBodyText {
			p = p[:max(0, maxBodyText-b.Len())]
			p = strings.ToValidUTF8(p, "")
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(p)
		if b.Len() >= maxBodyText {
			break
		}
	}
	return b.String()
}

// papers returns the documents of the papers among ids that the public sees.
func papers(ctx context.Context, src Source, lf ratsinfo.ListFilter) ([]*doc, int64, error) {
	list, err := src.FindPapers(ctx, ratsinfo.PaperFilter{ListFilter: lf})
	if err != nil {
		return nil, 0, fmt.Errorf("read papers: %w", err)
	}
	var fileIDs []int64
	for _, p := range list {
		if p.MainFileID != 0 {
			fileIDs = append(fileIDs, p.MainFileID)
		}
		fileIDs = append(fileIDs, p.AuxiliaryFileIDs...)
	}
	files := map[int64]*ratsinfo.File{}
	if len(fileIDs) > 0 {
		fl, err := src.FindFiles(ctx, ratsinfo.FileFilter{ListFilter: ratsinfo.ListFilter{IDs: fileIDs}})
		if err != nil {
			return nil, 0, fmt.Errorf("read files of papers: %w", err)
		}
		for _, f := range fl {
			files[f.ID] = f
		}
	}
	out := make([]*doc, 0, len(list))
	for _, p := range list {
		if p.Deleted || !p.Published {
			continue
		}
		parts := []string{p.PaperType}
		for _, fid := range append([]int64{p.MainFileID}, p.AuxiliaryFileIDs...) {
			if f := files[fid]; f != nil && !f.Deleted {
				parts = append(parts, f.Name, f.Text)
			}
		}
		out = append(out, &doc{id: docID(ratsinfo.SearchPaper, p.ID), kind: ratsinfo.SearchPaper,
			title: p.Name, body: joinText(parts...), refs: refKeys(p.Reference), ref: p.Reference,
			date: p.Date, path: ratsinfo.WebPath(ratsinfo.KindPaper, p.ID)})
	}
	return out, lastOf(list), nil
}

// meetings returns the documents of the meetings among ids: their names, lead
// committees and the names of their public agenda items.
func meetings(ctx context.Context, src Source, lf ratsinfo.ListFilter) ([]*doc, int64, error) {
	list, err := src.FindMeetings(ctx, ratsinfo.MeetingFilter{ListFilter: lf})
	if err != nil {
		return nil, 0, fmt.Errorf("read meetings: %w", err)
	}
	if len(list) == 0 {
		return nil, 0, nil
	}
	mids := make([]int64, 0, len(list))
	var orgIDs []int64
	for _, m := range list {
		mids = append(mids, m.ID)
		orgIDs = append(orgIDs, m.OrganizationIDs...)
	}
	items, err := src.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{MeetingIDs: mids})
	if err != nil {
		return nil, 0, fmt.Errorf("read agenda items of meetings: %w", err)
	}
	names := map[int64][]string{}
	for _, it := range items {
		if it.Public && !it.Deleted {
			names[it.MeetingID] = append(names[it.MeetingID], it.Number+" "+it.Name)
		}
	}
	orgs := map[int64]string{}
	if len(orgIDs) > 0 {
		ol, err := src.FindOrganizations(ctx, ratsinfo.OrganizationFilter{ListFilter: ratsinfo.ListFilter{IDs: orgIDs}})
		if err != nil {
			return nil, 0, fmt.Errorf("read committees of meetings: %w", err)
		}
		for _, o := range ol {
			orgs[o.ID] = o.Name
		}
	}
	out := make([]*doc, 0, len(list))
	for _, m := range list {
		if m.Deleted {
			continue
		}
		var committees []string
		for _, o := range m.OrganizationIDs {
			committees = append(committees, orgs[o])
		}
		title := m.Name
		if title == "" {
			title = strings.Join(committees, ", ")
		}
		if m.Cancelled {
			title += " (abgesagt)"
		}
		out = append(out, &doc{id: docID(ratsinfo.SearchMeeting, m.ID), kind: ratsinfo.SearchMeeting,
			title: title, body: joinText(append(committees, names[m.ID]...)...),
			date: dateOf(m.Start), path: ratsinfo.WebPath(ratsinfo.KindMeeting, m.ID)})
	}
	return out, lastOf(list), nil
}

// agendaItems returns the documents of the public agenda items among ids. A
// non-public item is read by the public as its number only; it is never indexed.
func agendaItems(ctx context.Context, src Source, lf ratsinfo.ListFilter) ([]*doc, int64, error) {
	list, err := src.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{ListFilter: lf})
	if err != nil {
		return nil, 0, fmt.Errorf("read agenda items: %w", err)
	}
	var mids []int64
	for _, it := range list {
		mids = append(mids, it.MeetingID)
	}
	starts := map[int64]ratsinfo.Date{}
	if len(mids) > 0 {
		ml, err := src.FindMeetings(ctx, ratsinfo.MeetingFilter{ListFilter: ratsinfo.ListFilter{IDs: mids}})
		if err != nil {
			return nil, 0, fmt.Errorf("read meetings of agenda items: %w", err)
		}
		for _, m := range ml {
			starts[m.ID] = dateOf(m.Start)
		}
	}
	out := make([]*doc, 0, len(list))
	for _, it := range list {
		if it.Deleted || !it.Public || it.Name == "" {
			continue
		}
		title := strings.TrimSpace(it.Number + " " + it.Name)
		out = append(out, &doc{id: docID(ratsinfo.SearchAgendaItem, it.ID), kind: ratsinfo.SearchAgendaItem,
			title: title, body: joinText(it.Result, it.ResolutionText), date: starts[it.MeetingID],
			path: ratsinfo.WebPath(ratsinfo.KindAgendaItem, it.ID)})
	}
	return out, lastOf(list), nil
}

// persons returns the documents of the persons among ids: name and public roles.
func persons(ctx context.Context, src Source, lf ratsinfo.ListFilter) ([]*doc, int64, error) {
	list, err := src.FindPersons(ctx, ratsinfo.PersonFilter{ListFilter: lf})
	if err != nil {
		return nil, 0, fmt.Errorf("read persons: %w", err)
	}
	out := make([]*doc, 0, len(list))
	for _, p := range list {
		if p.Deleted {
			continue
		}
		out = append(out, &doc{id: docID(ratsinfo.SearchPerson, p.ID), kind: ratsinfo.SearchPerson,
			title: p.Name, body: joinText(append(append([]string{p.FormOfAddress}, p.Title...), p.Status...)...),
			path: ratsinfo.WebPath(ratsinfo.KindPerson, p.ID)})
	}
	return out, lastOf(list), nil
}

// organizations returns the documents of the organizations among ids.
func organizations(ctx context.Context, src Source, lf ratsinfo.ListFilter) ([]*doc, int64, error) {
	list, err := src.FindOrganizations(ctx, ratsinfo.OrganizationFilter{ListFilter: lf})
	if err != nil {
		return nil, 0, fmt.Errorf("read organizations: %w", err)
	}
	out := make([]*doc, 0, len(list))
	for _, o := range list {
		if o.Deleted {
			continue
		}
		title := o.Name
		if o.ShortName != "" && o.ShortName != o.Name {
			title += " (" + o.ShortName + ")"
		}
		out = append(out, &doc{id: docID(ratsinfo.SearchOrganization, o.ID), kind: ratsinfo.SearchOrganization,
			title: title, body: joinText(o.OrganizationType, o.Classification),
			date: o.StartDate, path: ratsinfo.WebPath(ratsinfo.KindOrganization, o.ID)})
	}
	return out, lastOf(list), nil
}

// questions returns one document per question of the given public inquiries:
// the question with its sub-points and, once published, its answer.
func questions(list []*ratsinfo.Inquiry) []*doc {
	var out []*doc
	for _, in := range list {
		date := in.ReceivedOn
		if date.IsZero() {
			date = dateOf(in.Created)
		}
		for _, q := range in.Questions {
			out = append(out, &doc{id: questionDocID(in.ID, q.Number), kind: ratsinfo.SearchQuestion,
				title: fmt.Sprintf("%s – Frage %d", in.Title, q.Number),
				body:  joinText(append(append([]string{q.Text}, q.Points...), q.Answer)...),
				refs:  refKeys(in.Reference), ref: in.Reference, date: date, number: q.Number,
				path: "/anfragen/" + strconv.FormatInt(in.ID, 10) + "#frage-" + strconv.Itoa(q.Number)})
		}
	}
	return out
}

// dateOf is the calendar day of t in Germany, zero for a zero time.
func dateOf(t time.Time) ratsinfo.Date {
	if t.IsZero() {
		return ratsinfo.Date{}
	}
	return ratsinfo.DateOf(t.In(ratsinfo.Berlin()))
}

// lastOf is the id of the last object of a list page: the cursor of the next.
func lastOf[T interface{ Common() *ratsinfo.Meta }](list []T) int64 {
	if len(list) == 0 {
		return 0
	}
	return list[len(list)-1].Common().ID
}
