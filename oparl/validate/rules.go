package validate

// Severities. A MUST ("muss", "zwingend") of the specification is an error,
// a SHOULD ("soll", "empfohlen") a warning.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// rule describes one checked requirement. The id is stable so that CI jobs
// and people can refer to it; the text explains the requirement in German,
// the language of the specification and of our users.
type rule struct {
	Severity string
	Text     string
}

// rules is the read-only catalogue of every rule the validator knows. A
// violation of an id missing here is a programming error (see report).
var rules = map[string]rule{
	// Transport and JSON.
	"http.unreachable":              {SeverityError, "Die URL ist nicht erreichbar (Netzwerkfehler oder Zeitüberschreitung auch nach Wiederholungen)."},
	"http.status":                   {SeverityError, "Ein Objekt oder eine Listenseite muss mit HTTP-Status 200 ausgeliefert werden."},
	"http.cors":                     {SeverityError, "Jede JSON-Antwort muss den Header „Access-Control-Allow-Origin: *“ senden (Kapitel CORS)."},
	"http.cors-methods":             {SeverityError, "Wenn „Access-Control-Allow-Methods“ gesendet wird, muss er GET enthalten."},
	"http.content-type":             {SeverityWarning, "Die Antwort sollte als JSON ausgezeichnet sein (Content-Type application/json)."},
	"http.redirect":                 {SeverityWarning, "Verweise sollten die kanonische URL verwenden; der Server hat umgeleitet."},
	"json.invalid":                  {SeverityError, "Die Antwort muss gültiges JSON (RFC 7159) in UTF-8 sein."},
	"json.html":                     {SeverityError, "Statt JSON wurde eine HTML-Seite ausgeliefert (z. B. eine Fehlerseite)."},
	"json.bom":                      {SeverityError, "JSON muss UTF-8 ohne Byte Order Mark (BOM) sein."},
	"json.not-object":               {SeverityError, "Ein OParl-Objekt bzw. eine Listenseite muss ein JSON-Objekt sein."},
	"error.status":                  {SeverityWarning, "Für eine unbekannte Objekt-URL sollte der Server mit einem passenden Fehlerstatus (404) antworten, nicht mit 200 oder 5xx."},
	"error.object":                  {SeverityWarning, "Fehlerantworten sollten ein JSON-Objekt vom Typ „…/Error“ mit „message“ enthalten (neu in OParl 1.1)."},
	"system.version":                {SeverityError, "System.oparlVersion muss „https://schema.oparl.org/1.0/“ oder „https://schema.oparl.org/1.1/“ sein."},
	"body.list-missing":             {SeverityError, "Body muss in OParl 1.1 die Listen agendaItem, consultation, file, locationList, legislativeTermList und membership verlinken (ZWINGEND)."},
	"body.ags":                      {SeverityError, "Body.ags muss der achtstellige Amtliche Gemeindeschlüssel sein (führende Null nicht weglassen)."},
	"body.rgs":                      {SeverityError, "Body.rgs muss der zwölfstellige Regionalschlüssel sein."},
	"object.required":               {SeverityError, "Eine laut Spezifikation zwingende Eigenschaft fehlt."},
	"object.timestamps":             {SeverityError, "created und modified sind in OParl 1.1 für alle Objekte zwingend, auch für eingebettete."},
	"object.timestamps-recommended": {SeverityWarning, "created und modified sollten auch in OParl 1.0 angegeben werden; Clients synchronisieren über modified."},
	"object.created-after-modified": {SeverityError, "created darf nicht nach modified liegen."},
	"object.start-after-end":        {SeverityWarning, "Das Ende liegt vor dem Beginn (start/end bzw. startDate/endDate)."},
	"object.type":                   {SeverityError, "type muss die Typ-URL der verwendeten OParl-Version sein (z. B. https://schema.oparl.org/1.1/Paper) und zum Kontext passen."},
	"object.id-mismatch":            {SeverityError, "Die id eines Objekts muss genau der URL entsprechen, unter der es abgerufen wird."},
	"type.mismatch":                 {SeverityError, "Der JSON-Typ einer Eigenschaft entspricht nicht dem Schema (Zeichenkette, Zahl, Wahrheitswert, Liste, Objekt)."},
	"format.url":                    {SeverityError, "Der Wert muss eine absolute http(s)-URL sein."},
	"format.date":                   {SeverityError, "Ein Datum muss die Form yyyy-mm-dd haben."},
	"format.date-time":              {SeverityError, "Datum mit Uhrzeit muss genau die Form yyyy-mm-ddThh:mm:ss±hh:mm haben (keine Sekundenbruchteile, kein „Z“)."},
	"format.integer":                {SeverityError, "Der Wert muss eine ganze Zahl sein."},
	"value.null":                    {SeverityWarning, "null sollte nicht ausgegeben werden; fehlende Werte werden weggelassen (zwingende Eigenschaften dürfen nie null sein)."},
	"value.empty-string":            {SeverityWarning, "Leere Zeichenketten sollten weggelassen werden."},
	"value.empty-array":             {SeverityWarning, "Leere Listen sollten weggelassen werden (außer bei zwingenden Eigenschaften)."},
	"value.whitespace":              {SeverityWarning, "Zeichenketten sollten keine führenden oder abschließenden Leerzeichen enthalten."},
	"location.geojson":              {SeverityError, "Location.geojson muss ein vollständiges GeoJSON-„Feature“ sein."},
	"location.lat-lon":              {SeverityError, "GeoJSON-Koordinaten müssen in der Reihenfolge [Länge, Breite] stehen; hier sind sie offenbar vertauscht."},
	"person.location-object":        {SeverityError, "Wenn Person.locationObject ausgegeben wird, muss auch Person.location auf denselben Ort verweisen."},
	"agendaitem.order":              {SeverityError, "AgendaItem.order muss die 0-basierte Position im Meeting.agendaItem-Array sein."},
	"list.structure":                {SeverityError, "Jede Listenseite muss „data“ (Array), „pagination“ (Objekt) und „links“ (Objekt) enthalten."},
	"pagination.next-missing":       {SeverityError, "links.next muss auf jeder Seite außer der letzten vorhanden sein."},
	"pagination.loop":               {SeverityError, "Die Paginierung bildet eine Schleife: links.next verweist auf eine bereits besuchte Seite."},
	"pagination.duplicate":          {SeverityError, "Dasselbe Objekt erscheint auf mehreren Seiten derselben Liste (Sortierung muss stabil sein)."},
	"pagination.elements-per-page":  {SeverityError, "elementsPerPage muss auf allen Seiten außer der letzten gleich sein und der Anzahl der Einträge entsprechen."},
	"pagination.total":              {SeverityWarning, "totalElements stimmt nicht mit der Zahl der gefundenen Objekte überein."},
	"pagination.empty-page":         {SeverityWarning, "Eine leere Seite verweist auf eine weitere Seite."},
	"filter.status":                 {SeverityError, "Eine gefilterte Liste ohne Treffer muss mit HTTP 200 und leerem data-Array antworten, nicht mit einem Fehler."},
	"filter.ignored":                {SeverityError, "Die Filter created_since, created_until, modified_since und modified_until müssen von allen Listen unterstützt werden."},
	"filter.dropped":                {SeverityError, "Alle links einer gefilterten Liste (insbesondere next) müssen die Filter beibehalten."},
	"deleted.unfiltered":            {SeverityError, "Gelöschte Objekte dürfen nur bei Angabe von modified_since in Listen erscheinen."},
	"deleted.properties":            {SeverityError, "Gelöschte Objekte müssen id, type, created und modified behalten."},
	"deleted.status":                {SeverityError, "Gelöschte Objekte müssen beim Einzelabruf weiter mit HTTP 200 ausgeliefert werden."},
	"embedded.deleted":              {SeverityError, "Eingebettete Listen dürfen keine gelöschten Objekte enthalten."},
	"embedded.mismatch":             {SeverityError, "Ein eingebettetes Objekt muss mit seiner Einzelausgabe übereinstimmen (id, type, modified)."},
	"embedded.backref":              {SeverityError, "Beim Einzelabruf muss das Objekt die Rückreferenz auf das einbettende Objekt enthalten (z. B. AgendaItem.meeting)."},
	"embedded.backref-array":        {SeverityWarning, "File und Location sollten beim Einzelabruf Rückreferenzen (z. B. File.paper, Location.meetings) enthalten."},
	"ref.not-found":                 {SeverityError, "Ein verlinktes Objekt bzw. eine verlinkte Liste ist nicht abrufbar (referenzielle Integrität)."},
	"ref.not-in-list":               {SeverityWarning, "Ein verlinktes Objekt ist abrufbar, fehlt aber in der zugehörigen Liste des Body."},
	"file.status":                   {SeverityError, "accessUrl und downloadUrl müssen per GET abrufbar sein."},
	"file.access-attachment":        {SeverityError, "accessUrl darf keinen Header „Content-Disposition: attachment“ senden."},
	"file.download-disposition":     {SeverityError, "downloadUrl muss „Content-Disposition: attachment; filename=…“ senden."},
	"file.cache-headers":            {SeverityWarning, "Dateien sollten ETag oder Last-Modified für bedingte Abrufe senden."},
}
