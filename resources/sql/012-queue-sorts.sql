-- 012-queue-sorts.sql — every queue column an agent sorts on, sorted by an index
--
-- The queue sorts in SQL with keyset pages both ways (007). Under row security
-- only leakproof operators reach an index condition: text, bytea, integer and
-- timestamp comparisons are leakproof, functions such as ins_fold() are not,
-- so each sort compares a plain stored key column, led by organisme_id like
-- every agent query, and broken by id. The keys are kept by a trigger.
--
--   numéro        numero itself (unique)
--   bénéficiaire  beneficiaire_key: the queue's « Prénom Nom » folded as nom then
--                 prénom (split at the first space: a prénom holding a space
--                 sorts by its second word)
--   pays ou OC    place_key: the French country name, or the OC label, folded
--   montant       amount_key: currency (ISO code order) then amount in minor
--                 units; affaires without an amount last
--   statut        status_code then claim order: affaire_org_status_order_idx of 008
--   agent         assignee_key: the assignee's display name folded ('' when
--                 unassigned, first)
--
-- The keys are compared in the "C" collation: ins_fold() already lowered
-- case and accents, and chr(1) between nom and prénom sorts before any letter.
-- Each index is one more entry to write on every claim (a claim is never a
-- HOT update): one index per sort, as narrow as the key.

-- Not STRICT, so that it is inlined (a strict SQL function whose body is a
-- CASE is called through the SQL executor: 1.5 ms a row on the bench database).
CREATE FUNCTION ins_country_name_fr(p char(2)) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p
    WHEN 'AD' THEN 'Andorre'
    WHEN 'AE' THEN 'Émirats arabes unis'
    WHEN 'AF' THEN 'Afghanistan'
    WHEN 'AG' THEN 'Antigua-et-Barbuda'
    WHEN 'AI' THEN 'Anguilla'
    WHEN 'AL' THEN 'Albanie'
    WHEN 'AM' THEN 'Arménie'
    WHEN 'AO' THEN 'Angola'
    WHEN 'AQ' THEN 'Antarctique'
    WHEN 'AR' THEN 'Argentine'
    WHEN 'AS' THEN 'Samoa américaines'
    WHEN 'AT' THEN 'Autriche'
    WHEN 'AU' THEN 'Australie'
    WHEN 'AW' THEN 'Aruba'
    WHEN 'AX' THEN 'Îles Åland'
    WHEN 'AZ' THEN 'Azerbaïdjan'
    WHEN 'BA' THEN 'Bosnie-Herzégovine'
    WHEN 'BB' THEN 'Barbade'
    WHEN 'BD' THEN 'Bangladesh'
    WHEN 'BE' THEN 'Belgique'
    WHEN 'BF' THEN 'Burkina Faso'
    WHEN 'BG' THEN 'Bulgarie'
    WHEN 'BH' THEN 'Bahreïn'
    WHEN 'BI' THEN 'Burundi'
    WHEN 'BJ' THEN 'Bénin'
    WHEN 'BL' THEN 'Saint-Barthélemy'
    WHEN 'BM' THEN 'Bermudes'
    WHEN 'BN' THEN 'Brunei'
    WHEN 'BO' THEN 'Bolivie'
    WHEN 'BQ' THEN 'Bonaire, Saint-Eustache et Saba'
    WHEN 'BR' THEN 'Brésil'
    WHEN 'BS' THEN 'Bahamas'
    WHEN 'BT' THEN 'Bhoutan'
    WHEN 'BV' THEN 'Île Bouvet'
    WHEN 'BW' THEN 'Botswana'
    WHEN 'BY' THEN 'Biélorussie'
    WHEN 'BZ' THEN 'Belize'
    WHEN 'CA' THEN 'Canada'
    WHEN 'CC' THEN 'Îles Cocos (Keeling)'
    WHEN 'CD' THEN 'République démocratique du Congo'
    WHEN 'CF' THEN 'République centrafricaine'
    WHEN 'CG' THEN 'Congo'
    WHEN 'CH' THEN 'Suisse'
    WHEN 'CI' THEN 'Côte d’Ivoire'
    WHEN 'CK' THEN 'Îles Cook'
    WHEN 'CL' THEN 'Chili'
    WHEN 'CM' THEN 'Cameroun'
    WHEN 'CN' THEN 'Chine'
    WHEN 'CO' THEN 'Colombie'
    WHEN 'CR' THEN 'Costa Rica'
    WHEN 'CU' THEN 'Cuba'
    WHEN 'CV' THEN 'Cap-Vert'
    WHEN 'CW' THEN 'Curaçao'
    WHEN 'CX' THEN 'Île Christmas'
    WHEN 'CY' THEN 'Chypre'
    WHEN 'CZ' THEN 'Tchéquie'
    WHEN 'DE' THEN 'Allemagne'
    WHEN 'DJ' THEN 'Djibouti'
    WHEN 'DK' THEN 'Danemark'
    WHEN 'DM' THEN 'Dominique'
    WHEN 'DO' THEN 'République dominicaine'
    WHEN 'DZ' THEN 'Algérie'
    WHEN 'EC' THEN 'Équateur'
    WHEN 'EE' THEN 'Estonie'
    WHEN 'EG' THEN 'Égypte'
    WHEN 'EH' THEN 'Sahara occidental'
    WHEN 'ER' THEN 'Érythrée'
    WHEN 'ES' THEN 'Espagne'
    WHEN 'ET' THEN 'Éthiopie'
    WHEN 'FI' THEN 'Finlande'
    WHEN 'FJ' THEN 'Fidji'
    WHEN 'FK' THEN 'Îles Malouines (Falkland)'
    WHEN 'FM' THEN 'Micronésie'
    WHEN 'FO' THEN 'Îles Féroé'
    WHEN 'FR' THEN 'France'
    WHEN 'GA' THEN 'Gabon'
    WHEN 'GB' THEN 'Royaume-Uni'
    WHEN 'GD' THEN 'Grenade'
    WHEN 'GE' THEN 'Géorgie'
    WHEN 'GF' THEN 'Guyane française'
    WHEN 'GG' THEN 'Guernesey'
    WHEN 'GH' THEN 'Ghana'
    WHEN 'GI' THEN 'Gibraltar'
    WHEN 'GL' THEN 'Groenland'
    WHEN 'GM' THEN 'Gambie'
    WHEN 'GN' THEN 'Guinée'
    WHEN 'GP' THEN 'Guadeloupe'
    WHEN 'GQ' THEN 'Guinée équatoriale'
    WHEN 'GR' THEN 'Grèce'
    WHEN 'GS' THEN 'Géorgie du Sud-et-les îles Sandwich du Sud'
    WHEN 'GT' THEN 'Guatemala'
    WHEN 'GU' THEN 'Guam'
    WHEN 'GW' THEN 'Guinée-Bissau'
    WHEN 'GY' THEN 'Guyana'
    WHEN 'HK' THEN 'Hong Kong'
    WHEN 'HM' THEN 'Îles Heard-et-MacDonald'
    WHEN 'HN' THEN 'Honduras'
    WHEN 'HR' THEN 'Croatie'
    WHEN 'HT' THEN 'Haïti'
    WHEN 'HU' THEN 'Hongrie'
    WHEN 'ID' THEN 'Indonésie'
    WHEN 'IE' THEN 'Irlande'
    WHEN 'IL' THEN 'Israël'
    WHEN 'IM' THEN 'Île de Man'
    WHEN 'IN' THEN 'Inde'
    WHEN 'IO' THEN 'Territoire britannique de l’océan Indien'
    WHEN 'IQ' THEN 'Irak'
    WHEN 'IR' THEN 'Iran'
    WHEN 'IS' THEN 'Islande'
    WHEN 'IT' THEN 'Italie'
    WHEN 'JE' THEN 'Jersey'
    WHEN 'JM' THEN 'Jamaïque'
    WHEN 'JO' THEN 'Jordanie'
    WHEN 'JP' THEN 'Japon'
    WHEN 'KE' THEN 'Kenya'
    WHEN 'KG' THEN 'Kirghizistan'
    WHEN 'KH' THEN 'Cambodge'
    WHEN 'KI' THEN 'Kiribati'
    WHEN 'KM' THEN 'Comores'
    WHEN 'KN' THEN 'Saint-Christophe-et-Niévès'
    WHEN 'KP' THEN 'Corée du Nord'
    WHEN 'KR' THEN 'Corée du Sud'
    WHEN 'KW' THEN 'Koweït'
    WHEN 'KY' THEN 'Îles Caïmans'
    WHEN 'KZ' THEN 'Kazakhstan'
    WHEN 'LA' THEN 'Laos'
    WHEN 'LB' THEN 'Liban'
    WHEN 'LC' THEN 'Sainte-Lucie'
    WHEN 'LI' THEN 'Liechtenstein'
    WHEN 'LK' THEN 'Sri Lanka'
    WHEN 'LR' THEN 'Liberia'
    WHEN 'LS' THEN 'Lesotho'
    WHEN 'LT' THEN 'Lituanie'
    WHEN 'LU' THEN 'Luxembourg'
    WHEN 'LV' THEN 'Lettonie'
    WHEN 'LY' THEN 'Libye'
    WHEN 'MA' THEN 'Maroc'
    WHEN 'MC' THEN 'Monaco'
    WHEN 'MD' THEN 'Moldavie'
    WHEN 'ME' THEN 'Monténégro'
    WHEN 'MF' THEN 'Saint-Martin (partie française)'
    WHEN 'MG' THEN 'Madagascar'
    WHEN 'MH' THEN 'Îles Marshall'
    WHEN 'MK' THEN 'Macédoine du Nord'
    WHEN 'ML' THEN 'Mali'
    WHEN 'MM' THEN 'Birmanie'
    WHEN 'MN' THEN 'Mongolie'
    WHEN 'MO' THEN 'Macao'
    WHEN 'MP' THEN 'Îles Mariannes du Nord'
    WHEN 'MQ' THEN 'Martinique'
    WHEN 'MR' THEN 'Mauritanie'
    WHEN 'MS' THEN 'Montserrat'
    WHEN 'MT' THEN 'Malte'
    WHEN 'MU' THEN 'Maurice'
    WHEN 'MV' THEN 'Maldives'
    WHEN 'MW' THEN 'Malawi'
    WHEN 'MX' THEN 'Mexique'
    WHEN 'MY' THEN 'Malaisie'
    WHEN 'MZ' THEN 'Mozambique'
    WHEN 'NA' THEN 'Namibie'
    WHEN 'NC' THEN 'Nouvelle-Calédonie'
    WHEN 'NE' THEN 'Niger'
    WHEN 'NF' THEN 'Île Norfolk'
    WHEN 'NG' THEN 'Nigeria'
    WHEN 'NI' THEN 'Nicaragua'
    WHEN 'NL' THEN 'Pays-Bas'
    WHEN 'NO' THEN 'Norvège'
    WHEN 'NP' THEN 'Népal'
    WHEN 'NR' THEN 'Nauru'
    WHEN 'NU' THEN 'Nioue'
    WHEN 'NZ' THEN 'Nouvelle-Zélande'
    WHEN 'OM' THEN 'Oman'
    WHEN 'PA' THEN 'Panama'
    WHEN 'PE' THEN 'Pérou'
    WHEN 'PF' THEN 'Polynésie française'
    WHEN 'PG' THEN 'Papouasie-Nouvelle-Guinée'
    WHEN 'PH' THEN 'Philippines'
    WHEN 'PK' THEN 'Pakistan'
    WHEN 'PL' THEN 'Pologne'
    WHEN 'PM' THEN 'Saint-Pierre-et-Miquelon'
    WHEN 'PN' THEN 'Îles Pitcairn'
    WHEN 'PR' THEN 'Porto Rico'
    WHEN 'PS' THEN 'Palestine'
    WHEN 'PT' THEN 'Portugal'
    WHEN 'PW' THEN 'Palaos'
    WHEN 'PY' THEN 'Paraguay'
    WHEN 'QA' THEN 'Qatar'
    WHEN 'RE' THEN 'La Réunion'
    WHEN 'RO' THEN 'Roumanie'
    WHEN 'RS' THEN 'Serbie'
    WHEN 'RU' THEN 'Russie'
    WHEN 'RW' THEN 'Rwanda'
    WHEN 'SA' THEN 'Arabie saoudite'
    WHEN 'SB' THEN 'Îles Salomon'
    WHEN 'SC' THEN 'Seychelles'
    WHEN 'SD' THEN 'Soudan'
    WHEN 'SE' THEN 'Suède'
    WHEN 'SG' THEN 'Singapour'
    WHEN 'SH' THEN 'Sainte-Hélène, Ascension et Tristan da Cunha'
    WHEN 'SI' THEN 'Slovénie'
    WHEN 'SJ' THEN 'Svalbard et Jan Mayen'
    WHEN 'SK' THEN 'Slovaquie'
    WHEN 'SL' THEN 'Sierra Leone'
    WHEN 'SM' THEN 'Saint-Marin'
    WHEN 'SN' THEN 'Sénégal'
    WHEN 'SO' THEN 'Somalie'
    WHEN 'SR' THEN 'Surinam'
    WHEN 'SS' THEN 'Soudan du Sud'
    WHEN 'ST' THEN 'Sao Tomé-et-Principe'
    WHEN 'SV' THEN 'Salvador'
    WHEN 'SX' THEN 'Saint-Martin (partie néerlandaise)'
    WHEN 'SY' THEN 'Syrie'
    WHEN 'SZ' THEN 'Eswatini'
    WHEN 'TC' THEN 'Îles Turques-et-Caïques'
    WHEN 'TD' THEN 'Tchad'
    WHEN 'TF' THEN 'Terres australes et antarctiques françaises'
    WHEN 'TG' THEN 'Togo'
    WHEN 'TH' THEN 'Thaïlande'
    WHEN 'TJ' THEN 'Tadjikistan'
    WHEN 'TK' THEN 'Tokelau'
    WHEN 'TL' THEN 'Timor oriental'
    WHEN 'TM' THEN 'Turkménistan'
    WHEN 'TN' THEN 'Tunisie'
    WHEN 'TO' THEN 'Tonga'
    WHEN 'TR' THEN 'Turquie'
    WHEN 'TT' THEN 'Trinité-et-Tobago'
    WHEN 'TV' THEN 'Tuvalu'
    WHEN 'TW' THEN 'Taïwan'
    WHEN 'TZ' THEN 'Tanzanie'
    WHEN 'UA' THEN 'Ukraine'
    WHEN 'UG' THEN 'Ouganda'
    WHEN 'UM' THEN 'Îles mineures éloignées des États-Unis'
    WHEN 'US' THEN 'États-Unis'
    WHEN 'UY' THEN 'Uruguay'
    WHEN 'UZ' THEN 'Ouzbékistan'
    WHEN 'VA' THEN 'Vatican'
    WHEN 'VC' THEN 'Saint-Vincent-et-les-Grenadines'
    WHEN 'VE' THEN 'Venezuela'
    WHEN 'VG' THEN 'Îles Vierges britanniques'
    WHEN 'VI' THEN 'Îles Vierges des États-Unis'
    WHEN 'VN' THEN 'Viêt Nam'
    WHEN 'VU' THEN 'Vanuatu'
    WHEN 'WF' THEN 'Wallis-et-Futuna'
    WHEN 'WS' THEN 'Samoa'
    WHEN 'XK' THEN 'Kosovo'
    WHEN 'YE' THEN 'Yémen'
    WHEN 'YT' THEN 'Mayotte'
    WHEN 'ZA' THEN 'Afrique du Sud'
    WHEN 'ZM' THEN 'Zambie'
    WHEN 'ZW' THEN 'Zimbabwe'
  END
$$;

-- Plain columns kept by a trigger rather than generated ones: any BEFORE
-- UPDATE ROW trigger (and the agent's name needs one) makes PostgreSQL
-- recompute every stored generated column on every update, and folding
-- three texts on each claim made a claim's row update ten times slower. The
-- trigger computes a key only when what it is made of changes.
ALTER TABLE affaire
  ADD COLUMN beneficiaire_key text COLLATE "C",
  ADD COLUMN place_key text COLLATE "C",
  ADD COLUMN amount_key bigint,
  ADD COLUMN assignee_key text COLLATE "C";

CREATE FUNCTION ins_affaire_sort_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.beneficiaire IS DISTINCT FROM OLD.beneficiaire THEN
    NEW.beneficiaire_key := ins_fold(substr(NEW.beneficiaire, strpos(NEW.beneficiaire, ' ') + 1))
                            || chr(1) || ins_fold(split_part(NEW.beneficiaire, ' ', 1));
  END IF;
  IF TG_OP = 'INSERT' OR (NEW.kind, NEW.country, NEW.oc_label) IS DISTINCT FROM (OLD.kind, OLD.country, OLD.oc_label) THEN
    NEW.place_key := ins_fold(CASE WHEN NEW.kind = 'soins_etranger' AND NEW.country IS NOT NULL
                                   THEN coalesce(ins_country_name_fr(NEW.country), NEW.country::text)
                                   ELSE coalesce(NEW.oc_label, '') END);
  END IF;
  IF TG_OP = 'INSERT' OR (NEW.currency, NEW.amount_minor) IS DISTINCT FROM (OLD.currency, OLD.amount_minor) THEN
    NEW.amount_key := CASE WHEN NEW.currency ~ '^[A-Z]{3}$' AND NEW.amount_minor IS NOT NULL
                           THEN ((ascii(substr(NEW.currency, 1, 1)) - 65) * 676
                                 + (ascii(substr(NEW.currency, 2, 1)) - 65) * 26
                                 + (ascii(substr(NEW.currency, 3, 1)) - 65))::bigint * 140737488355328
                                + least(NEW.amount_minor, 140737488355327)
                           ELSE 17576::bigint * 140737488355328 END;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.assignee_id IS DISTINCT FROM OLD.assignee_id THEN
    NEW.assignee_key := coalesce((SELECT ins_fold(display_name) FROM agent WHERE id = NEW.assignee_id), '');
  END IF;
  RETURN NEW;
END $$;

-- Existing rows: one pass, before the trigger exists.
UPDATE affaire a SET
  beneficiaire_key = ins_fold(substr(beneficiaire, strpos(beneficiaire, ' ') + 1))
                     || chr(1) || ins_fold(split_part(beneficiaire, ' ', 1)),
  place_key = ins_fold(CASE WHEN kind = 'soins_etranger' AND country IS NOT NULL
                            THEN coalesce(ins_country_name_fr(country), country::text)
                            ELSE coalesce(oc_label, '') END),
  amount_key = CASE WHEN currency ~ '^[A-Z]{3}$' AND amount_minor IS NOT NULL
                    THEN ((ascii(substr(currency, 1, 1)) - 65) * 676 + (ascii(substr(currency, 2, 1)) - 65) * 26
                          + (ascii(substr(currency, 3, 1)) - 65))::bigint * 140737488355328
                         + least(amount_minor, 140737488355327)
                    ELSE 17576::bigint * 140737488355328 END,
  assignee_key = coalesce((SELECT ins_fold(display_name) FROM agent g WHERE g.id = a.assignee_id), '');

ALTER TABLE affaire
  ALTER COLUMN beneficiaire_key SET NOT NULL,
  ALTER COLUMN place_key SET NOT NULL,
  ALTER COLUMN amount_key SET NOT NULL,
  ALTER COLUMN assignee_key SET NOT NULL;

CREATE TRIGGER affaire_sort_keys_insert BEFORE INSERT ON affaire
  FOR EACH ROW EXECUTE FUNCTION ins_affaire_sort_keys();
CREATE TRIGGER affaire_sort_keys_update BEFORE UPDATE OF beneficiaire, kind, country, oc_label, currency,
                                                      amount_minor, assignee_id ON affaire
  FOR EACH ROW
  WHEN ((NEW.beneficiaire, NEW.kind, NEW.country, NEW.oc_label, NEW.currency, NEW.amount_minor, NEW.assignee_id)
        IS DISTINCT FROM
        (OLD.beneficiaire, OLD.kind, OLD.country, OLD.oc_label, OLD.currency, OLD.amount_minor, OLD.assignee_id))
  EXECUTE FUNCTION ins_affaire_sort_keys();

-- A renamed agent's affaires, which the renaming superviseur may not all see.
CREATE FUNCTION ins_agent_renamed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE affaire SET assignee_key = ins_fold(NEW.display_name) WHERE assignee_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER agent_renamed AFTER UPDATE OF display_name ON agent
  FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name)
  EXECUTE FUNCTION ins_agent_renamed();

CREATE INDEX affaire_org_numero_idx ON affaire (organisme_id, numero, id);
CREATE INDEX affaire_org_beneficiaire_idx ON affaire (organisme_id, beneficiaire_key, id);
CREATE INDEX affaire_org_place_idx ON affaire (organisme_id, place_key, id);
CREATE INDEX affaire_org_amount_idx ON affaire (organisme_id, amount_key, id);
CREATE INDEX affaire_org_assignee_key_idx ON affaire (organisme_id, assignee_key, id);
