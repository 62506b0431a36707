package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

var _ ratsinfo.LegacyImporter = (*DB)(nil)

// ImportLegacyAnswer stores a recognised legacy answer in one transaction:
// nothing is half-imported. Persons, organizations, meetings, papers and
// consultations already there are matched by name and date and reused; the
// answer paper is matched by its original file (SHA-512) or its name, so a
// rerun updates instead of duplicating.
func (db *DB) ImportLegacyAnswer(ctx context.Context, a *ratsinfo.LegacyAnswer) (*ratsinfo.LegacyImportResult, error) {
	if err := ratsinfo.CanImportLegacy(ctx, a.BodyID); err != nil {
		return nil, err
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	actor := ratsinfo.ViewerFrom(ctx).UserID
	var res *ratsinfo.LegacyImportResult
	err := db.write(ctx, "import legacy answer", func(t *txState, now time.Time) error {
		res = &ratsinfo.LegacyImportResult{Created: map[ratsinfo.Kind]int{}, Matched: map[ratsinfo.Kind]int{}}
		im := &legacyImport{db: db, t: t, ctx: recordContext(ctx, t, actor), a: a, res: res}
		return im.run(ctx, now, actor)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

type legacyImport struct {
	db  *DB
	t   *txState
	ctx context.Context // the record context: this transaction, the program's right to write
	a   *ratsinfo.LegacyAnswer
	res *ratsinfo.LegacyImportResult
}

func (im *legacyImport) found(k ratsinfo.Kind, created bool) {
	if created {
		im.res.Created[k]++
	} else {
		im.res.Matched[k]++
	}
}

func (im *legacyImport) run(ctx context.Context, now time.Time, actor int64) error {
	a := im.a
	var persons []int64
	for _, p := range a.Inquirers {
		id, err := im.person(p)
		if err != nil {
			return fmt.Errorf("person %s: %w", p.Name(), err)
		}
		persons = append(persons, id)
	}
	var faction int64
	if a.Faction != "" {
		id, err := im.organization(a.Faction, "Fraktion")
		if err != nil {
			return fmt.Errorf("faction %s: %w", a.Faction, err)
		}
		faction = id
	}
	fileID, err := im.file()
	if err != nil {
		return fmt.Errorf("file: %w", err)
	}
	day := a.InquiryDate
	if len(a.Consultations) > 0 {
		day = a.Consultations[0].Date
	}
	answer, err := im.answerPaper(fileID, day)
	if err != nil {
		return fmt.Errorf("answer paper: %w", err)
	}
	inquiry, err := im.inquiryPaper(persons, faction, answer)
	if err != nil {
		return fmt.Errorf("inquiry paper: %w", err)
	}
	if err := im.link(answer, inquiry.ID); err != nil {
		return err
	}
	if err := im.link(inquiry, answer.ID); err != nil {
		return err
	}
	for i, c := range a.Consultations {
		if err := im.consultation(answer.ID, i, c); err != nil {
			return fmt.Errorf("consultation %s %s: %w", c.Organization, c.Date.German(), err)
		}
	}
	im.res.AnswerPaperID, im.res.InquiryPaperID, im.res.FileID = answer.ID, inquiry.ID, fileID
	return im.inquiry(ctx, now, actor, persons, faction, inquiry.ID, answer.ID)
}

// queryID runs a query for one id; 0 if there is none.
func (im *legacyImport) queryID(q string, args ...any) (int64, error) {
	var id int64
	err := im.t.queryRow(im.ctx, q, args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// person finds a person of the body by family name (and given name, if the
// document names it) or creates one.
func (im *legacyImport) person(p ratsinfo.LegacyPerson) (int64, error) {
	q := `SELECT id FROM person WHERE body_id = ? AND deleted = FALSE AND family_name = ?`
	args := []any{im.a.BodyID, p.FamilyName}
	if p.GivenName != "" {
		q += ` AND given_name = ?`
		args = append(args, p.GivenName)
	}
	id, err := im.queryID(q+` ORDER BY id LIMIT 1`, args...)
	if err != nil || id != 0 {
		im.found(ratsinfo.KindPerson, false)
		return id, err
	}
	np := &ratsinfo.Person{BodyID: im.a.BodyID, Name: p.Name(), FamilyName: p.FamilyName, GivenName: p.GivenName,
		FormOfAddress: p.FormOfAddress}
	if p.Title != "" {
		np.Title = []string{p.Title}
	}
	if err := im.db.CreatePerson(im.ctx, np); err != nil {
		return 0, err
	}
	im.found(ratsinfo.KindPerson, true)
	return np.ID, nil
}

// organization finds an organization of the body by name or creates one of
// the given type.
func (im *legacyImport) organization(name, typ string) (int64, error) {
	id, err := im.queryID(`SELECT id FROM organization WHERE body_id = ? AND deleted = FALSE AND (name = ? OR short_name = ?) ORDER BY id LIMIT 1`,
		im.a.BodyID, name, name)
	if err != nil || id != 0 {
		im.found(ratsinfo.KindOrganization, false)
		return id, err
	}
	o := &ratsinfo.Organization{BodyID: im.a.BodyID, Name: name, OrganizationType: typ}
	if err := im.db.CreateOrganization(im.ctx, o); err != nil {
		return 0, err
	}
	im.found(ratsinfo.KindOrganization, true)
	return o.ID, nil
}

// file finds the original document by its checksum or stores it.
func (im *legacyImport) file() (int64, error) {
	f := im.a.File
	id, err := im.queryID(`SELECT id FROM file WHERE body_id = ? AND deleted = FALSE AND sha512_checksum = ? ORDER BY id LIMIT 1`,
		im.a.BodyID, f.SHA512)
	if err != nil || id != 0 {
		im.found(ratsinfo.KindFile, false)
		return id, err
	}
	nf := &ratsinfo.File{BodyID: im.a.BodyID, Name: im.a.Title, FileName: f.FileName, MimeType: f.MimeType,
		Size: f.Size, SHA512Checksum: f.SHA512, BlobKey: f.BlobKey, Text: f.Text}
	if err := im.db.CreateFile(im.ctx, nf); err != nil {
		return 0, err
	}
	im.found(ratsinfo.KindFile, true)
	return nf.ID, nil
}

// answerPaper finds the answer paper by its main file or its name, or
// creates it; an existing one gets the file as its main file.
func (im *legacyImport) answerPaper(fileID int64, day ratsinfo.Date) (*ratsinfo.Paper, error) {
	id, err := im.queryID(`SELECT id FROM paper WHERE body_id = ? AND deleted = FALSE AND paper_type = ? AND (main_file_id = ? OR name = ?) ORDER BY id LIMIT 1`,
		im.a.BodyID, ratsinfo.PaperTypeAnswer, fileID, im.a.Title)
	if err != nil {
		return nil, err
	}
	if id != 0 {
		p, err := im.db.FindPaperByID(im.ctx, id)
		if err != nil {
			return nil, err
		}
		im.found(ratsinfo.KindPaper, false)
		if p.MainFileID != fileID {
			if p.MainFileID != 0 {
				p.AuxiliaryFileIDs = append(p.AuxiliaryFileIDs, p.MainFileID)
			}
			p.MainFileID = fileID
			if err := im.db.UpdatePaper(im.ctx, p); err != nil {
				return nil, err
			}
		}
		return p, nil
	}
	p := &ratsinfo.Paper{BodyID: im.a.BodyID, Name: im.a.Title, Reference: im.a.Reference, Date: day,
		PaperType: ratsinfo.PaperTypeAnswer, MainFileID: fileID, Published: true}
	if err := im.db.CreatePaper(im.ctx, p); err != nil {
		return nil, err
	}
	im.found(ratsinfo.KindPaper, true)
	return p, nil
}

// inquiryPaper finds the paper of the inquiry — linked to the answer already,
// or of type Anfrage, of the inquiry's date, naming the subject — or creates it.
func (im *legacyImport) inquiryPaper(persons []int64, faction int64, answer *ratsinfo.Paper) (*ratsinfo.Paper, error) {
	a := im.a
	for _, rid := range answer.RelatedPaperIDs {
		p, err := im.db.FindPaperByID(im.ctx, rid)
		if err == nil && p.PaperType == ratsinfo.PaperTypeInquiry {
			im.found(ratsinfo.KindPaper, false)
			return p, nil
		}
	}
	if !a.InquiryDate.IsZero() {
		rows, err := im.t.query(im.ctx, `SELECT id, name FROM paper WHERE body_id = ? AND deleted = FALSE AND paper_type = ? AND date = ? ORDER BY id`,
			a.BodyID, ratsinfo.PaperTypeInquiry, date(a.InquiryDate))
		if err != nil {
			return nil, err
		}
		var match int64
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, err
			}
			if match == 0 && a.Subject != "" && strings.Contains(strings.ToLower(name), strings.ToLower(a.Subject)) {
				match = id
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if match != 0 {
			im.found(ratsinfo.KindPaper, false)
			return im.db.FindPaperByID(im.ctx, match)
		}
	}
	p := &ratsinfo.Paper{BodyID: a.BodyID, Name: inquiryName(a), Date: a.InquiryDate, PaperType: ratsinfo.PaperTypeInquiry,
		OriginatorPersonIDs: persons, Published: true}
	if faction != 0 {
		p.OriginatorOrganizationIDs = []int64{faction}
	}
	if err := im.db.CreatePaper(im.ctx, p); err != nil {
		return nil, err
	}
	im.found(ratsinfo.KindPaper, true)
	return p, nil
}

// inquiryName names an inquiry paper after its answer's title: "Beantwortung
// der Anfrage von Herrn X zum Thema Y vom …" → "Anfrage von Herrn X zum Thema Y vom …".
func inquiryName(a *ratsinfo.LegacyAnswer) string {
	t := a.Title
	for _, prefix := range []string{"Beantwortung der ", "Antwort auf die "} {
		if len(t) > len(prefix) && strings.EqualFold(t[:len(prefix)], prefix) {
			rest := t[len(prefix):]
			return strings.ToUpper(rest[:1]) + rest[1:]
		}
	}
	return "Anfrage: " + cmpOr(a.Subject, t)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// link adds a related paper to p unless it is there.
func (im *legacyImport) link(p *ratsinfo.Paper, related int64) error {
	for _, id := range p.RelatedPaperIDs {
		if id == related {
			return nil
		}
	}
	p.RelatedPaperIDs = append(p.RelatedPaperIDs, related)
	if err := im.db.UpdatePaper(im.ctx, p); err != nil {
		return fmt.Errorf("link paper %d with %d: %w", p.ID, related, err)
	}
	return nil
}

// consultation finds or creates the committee, its meeting on that day and
// the answer's consultation in it.
func (im *legacyImport) consultation(paperID int64, pos int, c ratsinfo.LegacyConsultation) error {
	org, err := im.organization(c.Organization, "Gremium")
	if err != nil {
		return err
	}
	start := time.Date(c.Date.Year, c.Date.Month, c.Date.Day, 0, 0, 0, 0, ratsinfo.Berlin())
	meeting, err := im.queryID(`SELECT m.id FROM meeting m JOIN link l ON l.kind = 'Meeting.organization' AND l.src = m.id AND l.dst = ?
WHERE m.body_id = ? AND m.deleted = FALSE AND m.start_at >= ? AND m.start_at < ? ORDER BY m.id LIMIT 1`,
		org, im.a.BodyID, start.UnixMicro(), start.AddDate(0, 0, 1).UnixMicro())
	if err != nil {
		return err
	}
	if meeting == 0 {
		m := &ratsinfo.Meeting{BodyID: im.a.BodyID, Name: c.Organization, Start: start, OrganizationIDs: []int64{org},
			MeetingState: ratsinfo.MeetingHeld}
		if err := im.db.CreateMeeting(im.ctx, m); err != nil {
			return err
		}
		meeting = m.ID
		im.found(ratsinfo.KindMeeting, true)
	} else {
		im.found(ratsinfo.KindMeeting, false)
	}
	id, err := im.queryID(`SELECT id FROM consultation WHERE paper_id = ? AND meeting_id = ? AND deleted = FALSE ORDER BY id LIMIT 1`,
		paperID, meeting)
	if err != nil || id != 0 {
		im.found(ratsinfo.KindConsultation, false)
		return err
	}
	cons := &ratsinfo.Consultation{PaperID: paperID, MeetingID: meeting, OrganizationIDs: []int64{org}, Role: c.Role,
		Authoritative: c.Role == ratsinfo.RoleDecision, Position: pos}
	if err := im.db.CreateConsultation(im.ctx, cons); err != nil {
		return err
	}
	im.found(ratsinfo.KindConsultation, true)
	return nil
}

// inquiry writes the published Inquiry with the questions and answers, or
// replaces the questions of the one a previous import wrote.
func (im *legacyImport) inquiry(ctx context.Context, now time.Time, actor int64, persons []int64, faction, paperID, answerID int64) error {
	a := im.a
	q := &ratsinfo.Inquiry{BodyID: a.BodyID, Title: cmpOr(a.Subject, a.Title), Preamble: a.Preamble, InquirerPersonIDs: persons,
		FactionID: faction, Questions: a.Questions, State: ratsinfo.InquiryPublished, ReceivedOn: a.InquiryDate,
		PaperID: paperID, AnswerPaperID: answerID}
	us := now.UnixMicro()
	id, err := im.queryID(`SELECT id FROM inquiry WHERE body_id = ? AND answer_paper_id = ? ORDER BY id LIMIT 1`, a.BodyID, answerID)
	if err != nil {
		return err
	}
	t := im.t
	if id == 0 {
		id, err = t.insert(ctx, `INSERT INTO inquiry (body_id, title, preamble, faction_id, state, received_on, paper_id, answer_paper_id,
created_by, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			[]any{q.BodyID, q.Title, q.Preamble, ref(q.FactionID), string(q.State), dateText(q.ReceivedOn), ref(paperID), ref(answerID),
				ref(actor), us, us})
		if err != nil {
			return err
		}
		im.found(ratsinfo.KindInquiry, true)
	} else {
		if _, err := t.exec(ctx, `UPDATE inquiry SET title = ?, preamble = ?, faction_id = ?, received_on = ?, paper_id = ?, modified = ? WHERE id = ?`,
			q.Title, q.Preamble, ref(q.FactionID), dateText(q.ReceivedOn), ref(paperID), us, id); err != nil {
			return err
		}
		im.found(ratsinfo.KindInquiry, false)
	}
	q.ID = id
	im.res.InquiryID = id
	if err := writeInquiryText(ctx, t, q); err != nil {
		return err
	}
	return addInquiryEvent(ctx, t, us, actor, id, "import", "", q.State, a.File.FileName)
}

// dateText is a Date as the inquiry table keeps it: "" for none.
func dateText(d ratsinfo.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
