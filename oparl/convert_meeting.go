package oparl

import (
	"github.com/ratsinfo/ratsinfo"
)

// This file converts the objects of council business: Meeting, AgendaItem, Paper,
// Consultation and File.

func (c *conv) meeting(m *ratsinfo.Meeting) any {
	k := ratsinfo.KindMeeting
	if m.Deleted {
		return c.tombstone(k, &m.Meta)
	}
	j := &meetingJSON{
		head:             c.head(k, m.ID),
		Name:             m.Name,
		MeetingState:     m.MeetingState,
		Cancelled:        m.Cancelled,
		Start:            c.dateTime(m.Start),
		End:              c.dateTime(m.End),
		Location:         c.locationEmbedded(m.LocationID),
		Organization:     c.ids(ratsinfo.KindOrganization, m.OrganizationIDs),
		Participant:      c.ids(ratsinfo.KindPerson, m.ParticipantIDs),
		Invitation:       c.fileEmbedded(m.InvitationFileID),
		ResultsProtocol:  c.fileEmbedded(m.ResultsProtocolFileID),
		VerbatimProtocol: c.fileEmbedded(m.VerbatimProtocolFileID),
		tail:             c.tail(k, &m.Meta),
	}
	if !c.omitInternal {
		j.AuxiliaryFile = c.filesEmbedded(m.AuxiliaryFileIDs)
		for _, a := range c.emb.agendaItems[m.ID] {
			if !a.Deleted {
				j.AgendaItem = append(j.AgendaItem, c.agendaItemJSON(a, false))
			}
		}
	}
	return j
}

func (c *conv) agendaItem(a *ratsinfo.AgendaItem) any {
	if a.Deleted {
		return c.tombstone(ratsinfo.KindAgendaItem, &a.Meta)
	}
	return c.agendaItemJSON(a, true)
}

func (c *conv) agendaItemJSON(a *ratsinfo.AgendaItem, standalone bool) *agendaItemJSON {
	k := ratsinfo.KindAgendaItem
	j := &agendaItemJSON{
		head:           c.head(k, a.ID),
		Number:         a.Number,
		Order:          a.Position,
		Name:           agendaItemName(a),
		Public:         a.Public,
		Consultation:   c.id(ratsinfo.KindConsultation, a.ConsultationID),
		Result:         a.Result,
		ResolutionText: a.ResolutionText,
		ResolutionFile: c.fileEmbedded(a.ResolutionFileID),
		Start:          c.dateTime(a.Start),
		End:            c.dateTime(a.End),
		tail:           c.tail(k, &a.Meta),
	}
	if !c.omitInternal {
		j.AuxiliaryFile = c.filesEmbedded(a.AuxiliaryFileIDs)
	}
	if standalone {
		j.Meeting = c.id(ratsinfo.KindMeeting, a.MeetingID)
	}
	return j
}

// agendaItemName is the item's name, or for a non-public item whose name the public
// may not read the words vendors use, "Nichtöffentlicher Tagesordnungspunkt": clients
// such as Meine Stadt Transparent store names in a column that may not be empty, and
// the placeholder tells nothing of the content.
func agendaItemName(a *ratsinfo.AgendaItem) string {
	if a.Name == "" && !a.Public {
		return ratsinfo.NonPublicAgendaItemName
	}
	return a.Name
}

func (c *conv) paper(p *ratsinfo.Paper) any {
	k := ratsinfo.KindPaper
	if p.Deleted {
		return c.tombstone(k, &p.Meta)
	}
	j := &paperJSON{
		head:                   c.head(k, p.ID),
		Body:                   c.id(ratsinfo.KindBody, p.BodyID),
		Name:                   p.Name,
		Reference:              p.Reference,
		Date:                   date(p.Date),
		PaperType:              p.PaperType,
		RelatedPaper:           c.ids(k, p.RelatedPaperIDs),
		SuperordinatedPaper:    c.ids(k, p.SuperordinatedPaperIDs),
		SubordinatedPaper:      c.ids(k, p.SubordinatedPaperIDs),
		MainFile:               c.fileEmbedded(p.MainFileID),
		OriginatorPerson:       c.ids(ratsinfo.KindPerson, p.OriginatorPersonIDs),
		UnderDirectionOf:       c.ids(ratsinfo.KindOrganization, p.UnderDirectionOfIDs),
		OriginatorOrganization: c.ids(ratsinfo.KindOrganization, p.OriginatorOrganizationIDs),
		tail:                   c.tail(k, &p.Meta),
	}
	if !c.omitInternal {
		j.AuxiliaryFile = c.filesEmbedded(p.AuxiliaryFileIDs)
		for _, id := range p.LocationIDs {
			if l := c.locationEmbedded(id); l != nil {
				j.Location = append(j.Location, l)
			}
		}
	}
	for _, cons := range c.emb.consultations[p.ID] {
		if !cons.Deleted {
			j.Consultation = append(j.Consultation, c.consultationJSON(cons, false))
		}
	}
	return j
}

func (c *conv) consultation(cons *ratsinfo.Consultation) any {
	if cons.Deleted {
		return c.tombstone(ratsinfo.KindConsultation, &cons.Meta)
	}
	return c.consultationJSON(cons, true)
}

// consultationJSON omits only the paper when embedded: the meeting and agenda item
// are not its parent and stay.
func (c *conv) consultationJSON(cons *ratsinfo.Consultation, standalone bool) *consultationJSON {
	k := ratsinfo.KindConsultation
	j := &consultationJSON{
		head:          c.head(k, cons.ID),
		AgendaItem:    c.id(ratsinfo.KindAgendaItem, cons.AgendaItemID),
		Meeting:       c.id(ratsinfo.KindMeeting, cons.MeetingID),
		Organization:  c.ids(ratsinfo.KindOrganization, cons.OrganizationIDs),
		Authoritative: cons.Authoritative,
		Role:          cons.Role,
		tail:          c.tail(k, &cons.Meta),
	}
	if standalone {
		j.Paper = c.id(ratsinfo.KindPaper, cons.PaperID)
	}
	return j
}

func (c *conv) file(f *ratsinfo.File) any {
	k := ratsinfo.KindFile
	if f.Deleted {
		return c.tombstone(k, &f.Meta)
	}
	j := c.fileJSON(f)
	j.Meeting = c.ids(ratsinfo.KindMeeting, f.MeetingIDs)
	j.AgendaItem = c.ids(ratsinfo.KindAgendaItem, f.AgendaItemIDs)
	j.Paper = c.ids(ratsinfo.KindPaper, f.PaperIDs)
	return j
}

// fileEmbedded returns the batch-loaded file without back-references, or nil when
// it is unset, deleted or not visible to the viewer.
func (c *conv) fileEmbedded(id int64) *fileJSON {
	f := c.emb.files[id]
	if id == 0 || f == nil || f.Deleted {
		return nil
	}
	return c.fileJSON(f)
}

func (c *conv) filesEmbedded(ids []int64) []*fileJSON {
	var out []*fileJSON
	for _, id := range ids {
		if f := c.fileEmbedded(id); f != nil {
			out = append(out, f)
		}
	}
	return out
}

func (c *conv) fileJSON(f *ratsinfo.File) *fileJSON {
	k := ratsinfo.KindFile
	id := c.id(k, f.ID)
	return &fileJSON{
		head:               head{ID: id, Type: c.types[k]},
		Name:               f.Name,
		FileName:           f.FileName,
		MimeType:           f.MimeType,
		Date:               date(f.Date),
		Size:               f.Size,
		SHA1Checksum:       f.SHA1Checksum,
		SHA512Checksum:     f.SHA512Checksum,
		Text:               f.Text,
		AccessURL:          id + "/access",
		DownloadURL:        id + "/download",
		ExternalServiceURL: f.ExternalServiceURL,
		MasterFile:         c.id(k, f.MasterFileID),
		DerivativeFile:     c.ids(k, f.DerivativeFileIDs),
		FileLicense:        f.FileLicense,
		tail:               c.tail(k, &f.Meta),
	}
}
