package sqldb

import (
	"context"
	"fmt"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

var (
	tBody = &table{kind: ratsinfo.KindBody, name: "body", bodyCol: "t.id", cols: []string{
		"short_name", "name", "website", "license_valid_since", "oparl_since", "ags", "rgs",
		"equivalent", "contact_email", "contact_name", "classification", "location_id"}}
	tLegislativeTerm = &table{kind: ratsinfo.KindLegislativeTerm, name: "legislative_term", bodyCol: "t.body_id",
		parent: "body_id", pkind: ratsinfo.KindBody, cols: []string{"name", "start_date", "end_date"}}
	tOrganization = &table{kind: ratsinfo.KindOrganization, name: "organization", bodyCol: "t.body_id", cols: []string{
		"name", "short_name", "post", "sub_organization_of", "organization_type", "classification",
		"start_date", "end_date", "website", "location_id", "external_body"}}
	tPerson = &table{kind: ratsinfo.KindPerson, name: "person", bodyCol: "t.body_id", cols: []string{
		"name", "family_name", "given_name", "form_of_address", "affix", "title", "gender", "phone",
		"email", "location_id", "status", "life", "life_source", "contact_consent"}}
	tMembership = &table{kind: ratsinfo.KindMembership, name: "membership", bodyCol: "t.body_id",
		parent: "person_id", pkind: ratsinfo.KindPerson, cols: []string{
			"person_id", "organization_id", "role", "voting_right", "start_date", "end_date", "on_behalf_of"}}
	tMeeting = &table{kind: ratsinfo.KindMeeting, name: "meeting", bodyCol: "t.body_id", cols: []string{
		"name", "meeting_state", "cancelled", "start_at", "end_at", "location_id",
		"invitation_file_id", "results_protocol_file_id", "verbatim_protocol_file_id"}}
	tAgendaItem = &table{kind: ratsinfo.KindAgendaItem, name: "agenda_item", bodyCol: "t.body_id",
		parent: "meeting_id", pkind: ratsinfo.KindMeeting, cols: []string{
			"meeting_id", "position", "number", "name", "public", "consultation_id", "result",
			"resolution_text", "resolution_file_id", "start_at", "end_at"}}
	tPaper = &table{kind: ratsinfo.KindPaper, name: "paper", bodyCol: "t.body_id", cols: []string{
		"name", "reference", "date", "paper_type", "main_file_id", "published", "ever_published"},
		// Once published, always "was published": a withdrawn paper is a tombstone, not a secret.
		updateExpr: map[string]string{"ever_published": "(ever_published OR ?)"}}
	tConsultation = &table{kind: ratsinfo.KindConsultation, name: "consultation", bodyCol: "t.body_id",
		parent: "paper_id", pkind: ratsinfo.KindPaper, cols: []string{
			"paper_id", "agenda_item_id", "meeting_id", "position", "authoritative", "role"}}
	tFile = &table{kind: ratsinfo.KindFile, name: "file", bodyCol: "t.body_id", cols: []string{
		"name", "file_name", "mime_type", "date", "size", "sha1_checksum", "sha512_checksum", "text",
		"external_service_url", "master_file_id", "file_license", "blob_key", "source_url"}}
	tLocation = &table{kind: ratsinfo.KindLocation, name: "location", bodyCol: "t.body_id", cols: []string{
		"description", "geojson", "street_address", "room", "postal_code", "sub_locality", "locality"}}
)

var tables = map[ratsinfo.Kind]*table{}

func init() {
	for _, tb := range []*table{tBody, tLegislativeTerm, tOrganization, tPerson, tMembership, tMeeting,
		tAgendaItem, tPaper, tConsultation, tFile, tLocation} {
		tables[tb.kind] = tb
	}
}

// saveObj checks the viewer's right, validates an object and writes it in one
// transaction (an update only if m.Modified is still the stored one); build describes
// the write once the transaction can look up parents.
func (db *DB) saveObj(ctx context.Context, tb *table, create bool, m *ratsinfo.Meta, validate func() error,
	build func(t *txState) (*saveSpec, error)) error {
	if err := ratsinfo.CanWriteRecord(ctx, tb.kind); err != nil {
		return err
	}
	op := "update"
	if create {
		op = "create"
		m.ID = 0
	} else if m.ID <= 0 {
		return ratsinfo.NotFound(tb.kind, m.ID)
	}
	if err := validate(); err != nil {
		return err
	}
	err := db.write(ctx, fmt.Sprintf("%s %s %d", op, tb.kind, m.ID), func(t *txState, now time.Time) error {
		s, err := build(t)
		if err != nil {
			return err
		}
		s.tb, s.create, s.meta = tb, create, m
		return t.save(ctx, now, s)
	})
	if err != nil && create {
		m.ID = 0
	}
	return err
}

// deleteObj soft-deletes one object in one transaction.
func (db *DB) deleteObj(ctx context.Context, tb *table, id int64) error {
	if err := ratsinfo.CanWriteRecord(ctx, tb.kind); err != nil {
		return err
	}
	return db.write(ctx, fmt.Sprintf("delete %s %d", tb.kind, id), func(t *txState, now time.Time) error {
		return t.remove(ctx, now, tb, id)
	})
}

// parentBody returns the body of the parent that a child kind inherits its body
// from, or an EINVALID error naming the field.
func (t *txState) parentBody(ctx context.Context, child ratsinfo.Kind, field string, k ratsinfo.Kind, id int64) (int64, error) {
	b, ok, err := t.bodyOf(ctx, k, id)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, &ratsinfo.Error{Code: ratsinfo.EINVALID, Fields: map[string]string{field: fmt.Sprintf("%s %d gibt es nicht (oder sie ist gelöscht).", k.GermanName(), id)},
			Message: fmt.Sprintf("%s verweist auf Einträge, die es nicht gibt. Bitte korrigieren Sie die genannten Felder.", child.GermanName())}
	}
	return b, nil
}
