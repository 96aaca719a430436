/**
 * The example documents of the Open311 specification, as printed on https://wiki.open311.org/GeoReport_v2
 * ("GeoReport v2", each marked with its section) and https://wiki.open311.org/Service_Discovery,
 * cut to their first item where they print several (the comparison reads the first item only).
 * The JSON tabs print `"service_code":001` and `006`, which JSON does not allow (a leading
 * zero): they are kept here as the strings of the XML tabs.
 */
export const SPEC_EXAMPLES = {
  // Service Discovery, "Examples" (the first of its three endpoints).
  discovery: {
    json: {
      changeset: '2011-02-03 14:18',
      contact: 'You can email or call for assistance api@mycity.org +1 (555) 555-5555',
      key_service: 'You can request a key here: http://api.mycity.gov/api_key/request',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'http://open311.mycity.gov/v2',
          changeset: '2010-11-23 09:01',
          type: 'production',
          formats: ['text/xml'],
        },
      ],
    },
    xml: `<?xml version="1.0" encoding="UTF-8"?>
<discovery>
    <changeset>2011-02-03 14:18</changeset>
    <contact>You can email or call for assistance api@mycity.org +1 (555) 555-5555</contact>
    <key_service>You can request a key here: http://api.mycity.gov/api_key/request</key_service>
    <endpoints>
        <endpoint>
            <specification>http://wiki.open311.org/GeoReport_v2</specification>
            <url>http://open311.mycity.gov/v2</url>
            <changeset>2010-11-23 09:01</changeset>
            <type>production</type>
            <formats>
                <format>text/xml</format>
            </formats>
        </endpoint>
    </endpoints>
</discovery>`,
  },
  // GeoReport v2, "GET Service List", example response (the first of three services).
  services: {
    json: [
      {
        service_code: '001',
        service_name: 'Cans left out 24x7',
        description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.',
        metadata: true,
        type: 'realtime',
        keywords: 'lorem, ipsum, dolor',
        group: 'sanitation',
      },
    ],
    xml: `<?xml version="1.0" encoding="utf-8"?>
<services>
    <service>
        <service_code>001</service_code>
        <service_name>Cans left out 24x7</service_name>
        <description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
        <metadata>true</metadata>
        <type>realtime</type>
        <keywords>lorem, ipsum, dolor</keywords>
        <group>sanitation</group>
    </service>
</services>`,
  },
  // GeoReport v2, "GET Service Definition", example response.
  service_definition: {
    json: {
      service_code: 'DMV66',
      attributes: [
        {
          variable: true,
          code: 'WHISHETN',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: null,
          order: 1,
          description: 'What is the ticket/tag/DL number?',
          values: [
            { key: 123, name: 'Ford' },
            { key: 124, name: 'Chrysler' },
          ],
        },
      ],
    },
    xml: `<?xml version="1.0" encoding="utf-8"?>
<service_definition>
    <service_code>DMV66</service_code>
    <attributes>
        <attribute>
            <variable>true</variable>
            <code>WHISHETN</code>
            <datatype>singlevaluelist</datatype>
            <required>true</required>
            <datatype_description></datatype_description>
            <order>1</order>
            <description>What is the ticket/tag/DL number?</description>
            <values>
                <value>
                    <key>123</key>
                    <name>Ford</name>
                </value>
                <value>
                    <key>124</key>
                    <name>Chrysler</name>
                </value>
            </values>
        </attribute>
    </attributes>
</service_definition>`,
  },
  // Not printed by the specification: "POST Service Request"'s response table answers either a
  // service_request_id or a token ("should not be returned if service_request_id is returned"),
  // service_notice and account_id "may not be returned". This is its example with the token.
  post_token: {
    json: [{ token: '12345' }],
    xml: `<?xml version="1.0" encoding="utf-8"?><service_requests><request><token>12345</token></request></service_requests>`,
  },
  // GeoReport v2, "POST Service Request", example response.
  post_request_id: {
    json: [
      {
        service_request_id: 293944,
        service_notice:
          'The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code',
        account_id: null,
      },
    ],
    xml: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
    <request>
        <service_request_id>293944</service_request_id>
        <service_notice>
            The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code
        </service_notice>
        <account_id/>
    </request>
</service_requests>`,
  },
  // GeoReport v2, "GET service_request_id from a token", example response.
  token: {
    json: [{ service_request_id: 638344, token: 12345 }],
    xml: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
    <request>
        <service_request_id>638344</service_request_id>
        <token>12345</token>
    </request>
</service_requests>`,
  },
  // GeoReport v2, "GET Service Request", example response ("GET Service Requests" prints this
  // request and a second one, 638349, of the same fields).
  request: {
    json: [
      {
        service_request_id: 638344,
        status: 'closed',
        status_notes: 'Duplicate request.',
        service_name: 'Sidewalk and Curb Issues',
        service_code: '006',
        description: null,
        agency_responsible: null,
        service_notice: null,
        requested_datetime: '2010-04-14T06:37:38-08:00',
        updated_datetime: '2010-04-14T06:37:38-08:00',
        expected_datetime: '2010-04-15T06:37:38-08:00',
        address: '8TH AVE and JUDAH ST',
        address_id: 545483,
        zipcode: 94122,
        lat: 37.762221815,
        long: -122.4651145,
        media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
      },
    ],
    xml: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
    <request>
        <service_request_id>638344</service_request_id>
        <status>closed</status>
        <status_notes>Duplicate request.</status_notes>
        <service_name>Sidewalk and Curb Issues</service_name>
        <service_code>006</service_code>
        <description></description>
        <agency_responsible></agency_responsible>
        <service_notice></service_notice>
        <requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
        <updated_datetime>2010-04-14T06:37:38-08:00</updated_datetime>
        <expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
        <address>8TH AVE and JUDAH ST</address>
        <address_id>545483</address_id>
        <zipcode>94122</zipcode>
        <lat>37.762221815</lat>
        <long>-122.4651145</long>
        <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg </media_url>
    </request>
</service_requests>`,
  },
  // GeoReport v2, "Errors", example (HTTP/1.1 403 Forbidden).
  errors: {
    json: [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }],
    xml: `<?xml version="1.0" encoding="utf-8"?>
<errors>
    <error>
        <code>403</code>
        <description>Invalid api_key received -- can't proceed with create_request.</description>
    </error>
</errors>`,
  },
} as const;

// The specification prints ids and codes as numbers in places; it defines them as strings
// (an id is whatever the jurisdiction uses: ours is the tracking number, 2026-000123).
const ID_FIELDS = new Set(['service_request_id', 'token', 'address_id', 'zipcode', 'key', 'service_code']);

/** JSON type of a value, where null stands for "any": the specification leaves those fields optional. */
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Compares a document with the specification's example field by field: the same fields in the
 * same order, each of the same JSON type (a null on either side matches, and id fields may be
 * numbers or strings); arrays compared by their first item. Returns the differences.
 */
export function jsonDifferences(example: unknown, actual: unknown, path = '$'): string[] {
  const [e, a] = [typeOf(example), typeOf(actual)];
  const field = path
    .split('.')
    .pop()!
    .replace(/\[\d+\]$/, '');
  if (e === 'null' || a === 'null') return [];
  if (ID_FIELDS.has(field) && ['number', 'string'].includes(e) && ['number', 'string'].includes(a)) return [];
  if (e !== a) return [`${path}: ${e} in the specification, ${a} here`];
  if (e === 'array') {
    const [first, mine] = [(example as unknown[])[0], (actual as unknown[])[0]];
    return first === undefined || mine === undefined ? [] : jsonDifferences(first, mine, `${path}[0]`);
  }
  if (e !== 'object') return [];
  const [ek, ak] = [Object.keys(example as object), Object.keys(actual as object)];
  if (ek.join() !== ak.join()) return [`${path}: fields ${ek.join(',')} in the specification, ${ak.join(',')} here`];
  return ek.flatMap((k) => jsonDifferences((example as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${path}.${k}`));
}

/** The element tree of an XML document, names only, each list cut to its first item: `a(b,c(d))`. */
export function xmlShape(xml: string): string {
  const body = xml.replace(/^<\?xml[^?]*\?>/, '').replace(/<(\w+)\/>/g, '<$1></$1>');
  const tokens = [...body.matchAll(/<(\/?)(\w+)>/g)];
  const stack: { name: string; children: string[] }[] = [{ name: '', children: [] }];
  for (const [, closing, name] of tokens) {
    if (!closing) {
      stack.push({ name, children: [] });
      continue;
    }
    const node = stack.pop()!;
    const parent = stack[stack.length - 1];
    const shape = node.children.length ? `${node.name}(${node.children.join(',')})` : node.name;
    // A list keeps one item: the specification's examples hold one or several.
    if (parent.children[parent.children.length - 1] !== shape) parent.children.push(shape);
  }
  return stack[0].children.join(',');
}
