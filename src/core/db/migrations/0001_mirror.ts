import type { Migration } from './migration';

/** The journal mirror: school, calendar, people, classes, lessons, marks, attendance, finals, audit. */
export const m0001Mirror: Migration = {
  name: '0001_mirror',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE school (
        id INTEGER PRIMARY KEY,
        name_ky TEXT NOT NULL,
        name_ru TEXT NOT NULL,
        address_ky TEXT NOT NULL DEFAULT '',
        address_ru TEXT NOT NULL DEFAULT '',
        okpo_code TEXT,
        kundoluk_code TEXT,
        document_language TEXT NOT NULL DEFAULT 'ky' CHECK (document_language IN ('ky', 'ru'))
      );

      CREATE TABLE academic_year (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL UNIQUE,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        CHECK (starts_on < ends_on)
      );

      CREATE TABLE reporting_period (
        id INTEGER PRIMARY KEY,
        academic_year_id INTEGER NOT NULL REFERENCES academic_year(id),
        kind TEXT NOT NULL CHECK (kind IN ('quarter', 'half_year', 'year')),
        number INTEGER NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        UNIQUE (academic_year_id, kind, number),
        CHECK (starts_on <= ends_on)
      );

      CREATE TABLE holiday (
        id INTEGER PRIMARY KEY,
        academic_year_id INTEGER NOT NULL REFERENCES academic_year(id),
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        name_ky TEXT NOT NULL,
        name_ru TEXT NOT NULL
      );

      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        kundoluk_pin TEXT UNIQUE,
        last_name TEXT NOT NULL,
        first_name TEXT NOT NULL,
        middle_name TEXT,
        position TEXT NOT NULL CHECK (position IN ('teacher', 'deputy', 'director', 'secretary', 'admin')),
        raw TEXT
      );

      CREATE TABLE subject (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name_ky TEXT NOT NULL,
        name_ru TEXT NOT NULL,
        short_ky TEXT NOT NULL,
        short_ru TEXT NOT NULL
      );

      CREATE TABLE class (
        id INTEGER PRIMARY KEY,
        academic_year_id INTEGER NOT NULL REFERENCES academic_year(id),
        grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 11),
        letter TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('ky', 'ru')),
        class_teacher_id INTEGER REFERENCES staff(id),
        kundoluk_id TEXT,
        UNIQUE (academic_year_id, grade, letter)
      );

      CREATE TABLE student (
        id INTEGER PRIMARY KEY,
        kundoluk_pin TEXT UNIQUE,
        last_name TEXT NOT NULL,
        first_name TEXT NOT NULL,
        middle_name TEXT,
        raw TEXT
      );

      CREATE TABLE enrollment (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES class(id),
        student_id INTEGER NOT NULL REFERENCES student(id),
        joined_on TEXT NOT NULL,
        left_on TEXT,
        UNIQUE (class_id, student_id),
        CHECK (left_on IS NULL OR left_on >= joined_on)
      );
      CREATE INDEX enrollment_student ON enrollment(student_id);

      CREATE TABLE subgroup (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES class(id),
        subject_id INTEGER NOT NULL REFERENCES subject(id),
        name TEXT NOT NULL,
        UNIQUE (class_id, subject_id, name)
      );

      CREATE TABLE subgroup_member (
        subgroup_id INTEGER NOT NULL REFERENCES subgroup(id),
        student_id INTEGER NOT NULL REFERENCES student(id),
        PRIMARY KEY (subgroup_id, student_id)
      );

      CREATE TABLE teaching_assignment (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES class(id),
        subject_id INTEGER NOT NULL REFERENCES subject(id),
        subgroup_id INTEGER REFERENCES subgroup(id),
        teacher_id INTEGER NOT NULL REFERENCES staff(id),
        weekly_hours REAL NOT NULL CHECK (weekly_hours >= 0)
      );
      CREATE INDEX teaching_assignment_teacher ON teaching_assignment(teacher_id);
      CREATE INDEX teaching_assignment_class ON teaching_assignment(class_id, subject_id);

      CREATE TABLE lesson (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES class(id),
        subject_id INTEGER NOT NULL REFERENCES subject(id),
        subgroup_id INTEGER REFERENCES subgroup(id),
        teacher_id INTEGER NOT NULL REFERENCES staff(id),
        date TEXT NOT NULL,
        lesson_number INTEGER NOT NULL,
        topic TEXT,
        homework TEXT,
        is_substitution INTEGER NOT NULL DEFAULT 0 CHECK (is_substitution IN (0, 1)),
        entered_at TEXT NOT NULL,
        source_ref TEXT UNIQUE,
        raw TEXT
      );
      CREATE INDEX lesson_class_subject_date ON lesson(class_id, subject_id, date);
      CREATE INDEX lesson_teacher_date ON lesson(teacher_id, date);
      CREATE INDEX lesson_date ON lesson(date);

      CREATE TABLE mark (
        id INTEGER PRIMARY KEY,
        lesson_id INTEGER NOT NULL REFERENCES lesson(id),
        student_id INTEGER NOT NULL REFERENCES student(id),
        value TEXT NOT NULL,
        numeric_value REAL,
        mark_type TEXT NOT NULL CHECK (mark_type IN
          ('general', 'control', 'write', 'test', 'homework', 'laboratory', 'practice', 'exam')),
        previous_value TEXT,
        entered_at TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        source_ref TEXT UNIQUE,
        raw TEXT
      );
      CREATE INDEX mark_lesson ON mark(lesson_id);
      CREATE INDEX mark_student ON mark(student_id);

      CREATE TABLE attendance (
        id INTEGER PRIMARY KEY,
        lesson_id INTEGER NOT NULL REFERENCES lesson(id),
        student_id INTEGER NOT NULL REFERENCES student(id),
        kind TEXT NOT NULL CHECK (kind IN ('absent', 'late')),
        reason TEXT CHECK (reason IN ('Н', 'Б', 'У')),
        late_minutes INTEGER,
        entered_at TEXT NOT NULL,
        source_ref TEXT UNIQUE,
        UNIQUE (lesson_id, student_id),
        CHECK ((kind = 'absent' AND reason IS NOT NULL) OR (kind = 'late' AND late_minutes IS NOT NULL))
      );
      CREATE INDEX attendance_student ON attendance(student_id);

      CREATE TABLE period_final (
        id INTEGER PRIMARY KEY,
        student_id INTEGER NOT NULL REFERENCES student(id),
        class_id INTEGER NOT NULL REFERENCES class(id),
        subject_id INTEGER NOT NULL REFERENCES subject(id),
        period_id INTEGER NOT NULL REFERENCES reporting_period(id),
        value TEXT NOT NULL,
        numeric_value REAL,
        entered_at TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        source_ref TEXT UNIQUE,
        raw TEXT,
        UNIQUE (student_id, subject_id, period_id)
      );
      CREATE INDEX period_final_class_period ON period_final(class_id, period_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        before_json TEXT,
        after_json TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      );
    `);
  },
};
