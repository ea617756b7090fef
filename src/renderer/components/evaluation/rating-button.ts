// The light face of a rating cell: a plain button showing the level, styled as the small select
// it turns into (its styles are in RatingSelect.vue). RatingSelect draws it with RatingButton;
// the rating table's rows write the same button straight into their template with the classes
// and text below: even a functional component costs an instance of its own, and a committee's
// table holds three per member, hundreds of them (issue 12, part 5).
//
// mousedown is prevented, so the button never takes the focus from a click: `focus` is the
// keyboard's Tab (the select then waits for typing) and `open` the mouse's click (list opened).
import { h, type FunctionalComponent } from 'vue'
import type { Rating } from '@shared/api'
import { RATING_LEVEL_LABELS, RATING_SHORT_LABELS } from '@shared/labels'

/** The hover text of a level. */
export const ratingTitle = (r: Rating) =>
  r === 'not_rated' ? 'Không xếp loại (ghi lý do)' : RATING_LEVEL_LABELS[r]
/** The level as the cell shows it: "Không XL" once chosen, to fit the column. */
export const ratingLabel = (r: Rating) => (r === 'not_rated' ? 'Không XL' : RATING_SHORT_LABELS[r])

/** The button's classes: the select's own look, coloured by the level. */
export const ratingCellClass = (value: Rating | null) =>
  value ? `rating-select rating-cell rating-select--${value}` : 'rating-select rating-cell'
/** The classes of the text inside: the placeholder's colour when there is no level yet. */
export const ratingValueClass = (value: Rating | null) =>
  value ? 'rating-cell__value' : 'rating-cell__value rating-cell__value--empty'

interface Props {
  value: Rating | null
  placeholder?: string
  disabled?: boolean
}

export const RatingButton: FunctionalComponent<Props, { open: () => void; focus: () => void }> = (
  props,
  { emit }
) =>
  h(
    'button',
    {
      type: 'button',
      class: ratingCellClass(props.value),
      disabled: props.disabled,
      title: props.value ? ratingTitle(props.value) : undefined,
      onMousedown: (e: MouseEvent) => e.preventDefault(),
      onClick: () => emit('open'),
      onFocus: () => emit('focus')
    },
    [
      // The arrow is the button's background (RatingSelect.vue), not an svg nor a box of its
      // own: fewer boxes in each of the table's hundreds of cells.
      h(
        'span',
        { class: ratingValueClass(props.value) },
        props.value ? ratingLabel(props.value) : (props.placeholder ?? '—')
      )
    ]
  )
RatingButton.props = ['value', 'placeholder', 'disabled']
RatingButton.emits = ['open', 'focus']
