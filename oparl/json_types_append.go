package oparl

// appendJSON methods of the types that a paper or meeting page repeats hundreds of
// times. Member order and omitempty rules follow the struct tags in types.go
// exactly; TestAppendMatchesEncodingJSON holds them to it.

func (h *head) appendHead(e *enc) {
	e.b = append(e.b, '{')
	e.strAlways("id", h.ID)
	e.strAlways("type", h.Type)
}

func (t *tail) appendTail(e *enc) {
	e.str("license", t.License)
	e.strs("keyword", t.Keyword)
	e.str("created", t.Created)
	e.str("modified", t.Modified)
	e.str("web", t.Web)
	e.bool("deleted", t.Deleted, false)
	e.b = append(e.b, '}')
}

func (t *tombstoneJSON) appendJSON(e *enc) {
	e.b = append(e.b, '{')
	e.strAlways("id", t.ID)
	e.strAlways("type", t.Type)
	e.str("created", t.Created)
	e.str("modified", t.Modified)
	e.bool("deleted", t.Deleted, true)
	e.b = append(e.b, '}')
}

func (f *fileJSON) appendJSON(e *enc) {
	f.appendHead(e)
	e.str("name", f.Name)
	e.str("fileName", f.FileName)
	e.str("mimeType", f.MimeType)
	e.str("date", f.Date)
	e.int("size", f.Size, false)
	e.str("sha1Checksum", f.SHA1Checksum)
	e.str("sha512Checksum", f.SHA512Checksum)
	e.str("text", f.Text)
	e.strAlways("accessUrl", f.AccessURL)
	e.str("downloadUrl", f.DownloadURL)
	e.str("externalServiceUrl", f.ExternalServiceURL)
	e.str("masterFile", f.MasterFile)
	e.strs("derivativeFile", f.DerivativeFile)
	e.str("fileLicense", f.FileLicense)
	e.strs("meeting", f.Meeting)
	e.strs("agendaItem", f.AgendaItem)
	e.strs("paper", f.Paper)
	f.appendTail(e)
}

func (l *locationJSON) appendJSON(e *enc) {
	l.appendHead(e)
	e.str("description", l.Description)
	e.raw("geojson", l.GeoJSON)
	e.str("streetAddress", l.StreetAddress)
	e.str("room", l.Room)
	e.str("postalCode", l.PostalCode)
	e.str("subLocality", l.SubLocality)
	e.str("locality", l.Locality)
	e.strs("bodies", l.Bodies)
	e.strs("organizations", l.Organizations)
	e.strs("persons", l.Persons)
	e.strs("meetings", l.Meetings)
	e.strs("papers", l.Papers)
	l.appendTail(e)
}

func (c *consultationJSON) appendJSON(e *enc) {
	c.appendHead(e)
	e.str("paper", c.Paper)
	e.str("agendaItem", c.AgendaItem)
	e.str("meeting", c.Meeting)
	e.strs("organization", c.Organization)
	e.bool("authoritative", c.Authoritative, true)
	e.str("role", c.Role)
	c.appendTail(e)
}

func (m *membershipJSON) appendJSON(e *enc) {
	m.appendHead(e)
	e.str("person", m.Person)
	e.str("organization", m.Organization)
	e.str("role", m.Role)
	e.bool("votingRight", m.VotingRight, true)
	e.str("startDate", m.StartDate)
	e.str("endDate", m.EndDate)
	e.str("onBehalfOf", m.OnBehalfOf)
	m.appendTail(e)
}

// array writes a member holding a list of appenders; nil and empty lists are
// omitted like omitempty does.
func array[T appender](e *enc, k string, items []T) {
	if len(items) == 0 {
		return
	}
	e.key(k)
	e.b = append(e.b, '[')
	for _, it := range items {
		e.sep()
		it.appendJSON(e)
	}
	e.b = append(e.b, ']')
}

func object[T interface {
	comparable
	appender
}](e *enc, k string, v T) {
	var zero T
	if v != zero {
		e.key(k)
		v.appendJSON(e)
	}
}

func (p *paperJSON) appendJSON(e *enc) {
	p.appendHead(e)
	e.str("body", p.Body)
	e.str("name", p.Name)
	e.str("reference", p.Reference)
	e.str("date", p.Date)
	e.str("paperType", p.PaperType)
	e.strs("relatedPaper", p.RelatedPaper)
	e.strs("superordinatedPaper", p.SuperordinatedPaper)
	e.strs("subordinatedPaper", p.SubordinatedPaper)
	object(e, "mainFile", p.MainFile)
	array(e, "auxiliaryFile", p.AuxiliaryFile)
	array(e, "location", p.Location)
	e.strs("originatorPerson", p.OriginatorPerson)
	e.strs("underDirectionOf", p.UnderDirectionOf)
	e.strs("originatorOrganization", p.OriginatorOrganization)
	array(e, "consultation", p.Consultation)
	p.appendTail(e)
}

func (a *agendaItemJSON) appendJSON(e *enc) {
	a.appendHead(e)
	e.str("meeting", a.Meeting)
	e.str("number", a.Number)
	e.int("order", int64(a.Order), true)
	e.str("name", a.Name)
	e.bool("public", a.Public, true)
	e.str("consultation", a.Consultation)
	e.str("result", a.Result)
	e.str("resolutionText", a.ResolutionText)
	object(e, "resolutionFile", a.ResolutionFile)
	array(e, "auxiliaryFile", a.AuxiliaryFile)
	e.str("start", a.Start)
	e.str("end", a.End)
	a.appendTail(e)
}

func (m *meetingJSON) appendJSON(e *enc) {
	m.appendHead(e)
	e.str("name", m.Name)
	e.str("meetingState", m.MeetingState)
	e.bool("cancelled", m.Cancelled, false)
	e.str("start", m.Start)
	e.str("end", m.End)
	object(e, "location", m.Location)
	e.strs("organization", m.Organization)
	e.strs("participant", m.Participant)
	object(e, "invitation", m.Invitation)
	object(e, "resultsProtocol", m.ResultsProtocol)
	object(e, "verbatimProtocol", m.VerbatimProtocol)
	array(e, "auxiliaryFile", m.AuxiliaryFile)
	array(e, "agendaItem", m.AgendaItem)
	m.appendTail(e)
}

func (l *listJSON) appendJSON(e *enc) {
	e.b = append(e.b, `{"data":[`...)
	for _, d := range l.Data {
		e.sep()
		e.any(d)
	}
	e.b = append(e.b, `],"pagination":{`...)
	if l.Pagination.TotalElements != nil {
		e.int("totalElements", int64(*l.Pagination.TotalElements), true)
	}
	e.int("elementsPerPage", int64(l.Pagination.ElementsPerPage), true)
	e.b = append(e.b, `},"links":{`...)
	e.str("first", l.Links.First)
	e.str("self", l.Links.Self)
	e.str("next", l.Links.Next)
	e.str("web", l.Links.Web)
	e.b = append(e.b, '}', '}')
}
