// Field positions of duty records (activities), shared by the careful and the byte-level reader.

import { fieldIndex } from '../schema/fields.js';

export const F = {
  id: fieldIndex('activities', 'id'), date: fieldIndex('activities', 'date'), type: fieldIndex('activities', 'type'),
  org: fieldIndex('activities', 'org'), members: fieldIndex('activities', 'members'), title: fieldIndex('activities', 'title'),
  level: fieldIndex('activities', 'level'), outcomes: fieldIndex('activities', 'outcomes'), hours: fieldIndex('activities', 'hours'),
  tags: fieldIndex('activities', 'tags'), note: fieldIndex('activities', 'note'),
};
