-- Isso's schema (threads, comments, preferences) with invented comments; export.db is made
-- from this file: python3 -c "import sqlite3; sqlite3.connect('export.db').executescript(open('source.sql').read())"
CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
CREATE TABLE comments (
    tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
    created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
    text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
    likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
    notification INTEGER DEFAULT 0);
CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR);
INSERT INTO preferences VALUES ('session-key', '0123456789abcdef');
INSERT INTO threads VALUES (1, '/politik/kasachstan/', 'Russland und Kasachstan');
INSERT INTO threads VALUES (2, '/kultur/theater/', 'Theater in der Provinz');
INSERT INTO threads VALUES (3, '/2019/geloescht/', 'Ein gelöschter Artikel');
INSERT INTO comments VALUES (1, 1, NULL, 1656058320.25, NULL, 1, '203.0.113.0',
    'Erster Absatz.' || char(13) || char(10) || char(13) || char(10) || 'Zweiter Absatz mit <b>Tag</b>.',
    'Ida Isso', 'ida@leser.example', 'https://ida.example', 5, 1, x'00', 0);
INSERT INTO comments VALUES (1, 2, 1, 1656061920.0, NULL, 1, '198.51.100.0', 'Antwort auf Ida.', 'Olaf Offen', NULL, NULL, 0, 2, x'00', 0);
INSERT INTO comments VALUES (1, 3, NULL, 1656065520.0, NULL, 2, '192.0.2.0', 'Wartet noch auf Freigabe.', 'Mia Moderation', NULL, NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (1, 4, NULL, 1656069120.0, 1656070000.0, 4, '192.0.2.0', '', NULL, NULL, NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (1, 5, 4, 1656072720.0, NULL, 1, '192.0.2.0', 'Antwort auf einen gelöschten Kommentar.', '', NULL, NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (2, 6, NULL, 1656076320.0, NULL, 1, '192.0.2.0', 'Zum Theater.', 'Tom Theater', NULL, NULL, 2, 0, x'00', 0);
INSERT INTO comments VALUES (3, 7, NULL, 1656079920.0, NULL, 1, '192.0.2.0', 'Zu nichts mehr.', 'Gert Gelöscht', NULL, NULL, 0, 0, x'00', 0);
