package mirror

import (
	"context"
	"reflect"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// object is any domain type the mirror writes.
type object interface{ Validate() error }

// ops are the store calls of one kind, typed as object so that save stays generic.
type ops struct {
	find   func(s ratsinfo.RecordStore, ctx context.Context, id int64) (object, error)
	create func(s ratsinfo.RecordStore, ctx context.Context, x object) error
	update func(s ratsinfo.RecordStore, ctx context.Context, x object) error
	del    func(s ratsinfo.RecordStore, ctx context.Context, id int64) error
}

func opsOf[T object](
	find func(ratsinfo.RecordStore, context.Context, int64) (T, error),
	create, update func(ratsinfo.RecordStore, context.Context, T) error,
	del func(ratsinfo.RecordStore, context.Context, int64) error,
) ops {
	return ops{
		find: func(s ratsinfo.RecordStore, ctx context.Context, id int64) (object, error) {
			x, err := find(s, ctx, id)
			return x, err
		},
		create: func(s ratsinfo.RecordStore, ctx context.Context, x object) error { return create(s, ctx, x.(T)) },
		update: func(s ratsinfo.RecordStore, ctx context.Context, x object) error { return update(s, ctx, x.(T)) },
		del:    del,
	}
}

// kindOps maps each kind to the store's methods (method expressions on the interface).
var kindOps = map[ratsinfo.Kind]ops{
	ratsinfo.KindBody: opsOf(ratsinfo.RecordStore.FindBodyByID, ratsinfo.RecordStore.CreateBody, ratsinfo.RecordStore.UpdateBody, ratsinfo.RecordStore.DeleteBody),
	ratsinfo.KindLegislativeTerm: opsOf(ratsinfo.RecordStore.FindLegislativeTermByID, ratsinfo.RecordStore.CreateLegislativeTerm,
		ratsinfo.RecordStore.UpdateLegislativeTerm, ratsinfo.RecordStore.DeleteLegislativeTerm),
	ratsinfo.KindOrganization: opsOf(ratsinfo.RecordStore.FindOrganizationByID, ratsinfo.RecordStore.CreateOrganization,
		ratsinfo.RecordStore.UpdateOrganization, ratsinfo.RecordStore.DeleteOrganization),
	ratsinfo.KindPerson: opsOf(ratsinfo.RecordStore.FindPersonByID, ratsinfo.RecordStore.CreatePerson, ratsinfo.RecordStore.UpdatePerson, ratsinfo.RecordStore.DeletePerson),
	ratsinfo.KindMembership: opsOf(ratsinfo.RecordStore.FindMembershipByID, ratsinfo.RecordStore.CreateMembership,
		ratsinfo.RecordStore.UpdateMembership, ratsinfo.RecordStore.DeleteMembership),
	ratsinfo.KindMeeting: opsOf(ratsinfo.RecordStore.FindMeetingByID, ratsinfo.RecordStore.CreateMeeting, ratsinfo.RecordStore.UpdateMeeting, ratsinfo.RecordStore.DeleteMeeting),
	ratsinfo.KindAgendaItem: opsOf(ratsinfo.RecordStore.FindAgendaItemByID, ratsinfo.RecordStore.CreateAgendaItem,
		ratsinfo.RecordStore.UpdateAgendaItem, ratsinfo.RecordStore.DeleteAgendaItem),
	ratsinfo.KindPaper: opsOf(ratsinfo.RecordStore.FindPaperByID, ratsinfo.RecordStore.CreatePaper, ratsinfo.RecordStore.UpdatePaper, ratsinfo.RecordStore.DeletePaper),
	ratsinfo.KindConsultation: opsOf(ratsinfo.RecordStore.FindConsultationByID, ratsinfo.RecordStore.CreateConsultation,
		ratsinfo.RecordStore.UpdateConsultation, ratsinfo.RecordStore.DeleteConsultation),
	ratsinfo.KindFile:     opsOf(ratsinfo.RecordStore.FindFileByID, ratsinfo.RecordStore.CreateFile, ratsinfo.RecordStore.UpdateFile, ratsinfo.RecordStore.DeleteFile),
	ratsinfo.KindLocation: opsOf(ratsinfo.RecordStore.FindLocationByID, ratsinfo.RecordStore.CreateLocation, ratsinfo.RecordStore.UpdateLocation, ratsinfo.RecordStore.DeleteLocation),
}

// metaOf returns the Meta every domain type embeds.
func metaOf(x object) *ratsinfo.Meta {
	return reflect.ValueOf(x).Elem().FieldByName("Meta").Addr().Interface().(*ratsinfo.Meta)
}

// readOnly are fields the store fills on reads (back-references, derived lists);
// the source's values for them are not ours to write, so comparisons skip them.
var readOnly = map[string]bool{
	"ID": true, "Created": true, "Modified": true, "Deleted": true,
	"SubordinatedPaperIDs": true, "MembershipIDs": true, "DerivativeFileIDs": true,
	"BodyIDs": true, "PersonIDs": true, "PaperIDs": true, "AgendaItemIDs": true,
}

// backRefTypes have back-reference lists whose names collide with real data
// fields of other types (Meeting.OrganizationIDs is data, Location.OrganizationIDs is not).
var backRefTypes = map[reflect.Type]bool{reflect.TypeFor[ratsinfo.File](): true, reflect.TypeFor[ratsinfo.Location](): true}

// same reports whether two objects of one type hold the same data, ignoring ids,
// timestamps and read-only fields, with nil and empty lists equal. Comparing before
// writing keeps re-imports from touching modified or the change feed.
func same(a, b object) bool {
	return equalValue(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem())
}

func equalValue(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Struct:
		if t, ok := a.Interface().(time.Time); ok {
			return t.Equal(b.Interface().(time.Time))
		}
		typ := a.Type()
		for i := range a.NumField() {
			name := typ.Field(i).Name
			if readOnly[name] || (backRefTypes[typ] && (name == "MeetingIDs" || name == "OrganizationIDs")) {
				continue
			}
			if !equalValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equalValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	}
	return a.Interface() == b.Interface()
}
